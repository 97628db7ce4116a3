/** The agenda's sections, and what the post (seed 003) says about each. */

export const CATEGORIES: Record<string, string> = {
  '2': 'Scientific understanding of LLMs',
  '3': 'Development and deployment methods',
  '4': 'Sociotechnical challenges',
};

/** Verbatim text of the post: from the first occurrence of `from` to the end of the next `through`. */
export interface Span {
  from: string;
  through: string;
}
const span = (from: string, through: string): Span => ({ from, through });

const ICL_AND_REASONING = span('We specifically call out for more research', 'research progress in LLMs..');
const EVALS_RECOMMENDED = span('These sections are highly recommended', 'far too optimistic about evaluations.');
const SECTION_2_2 = span('Section 2.2: One major issue', 'poor accounting of scaffolding in most evaluations.');
const SECTIONS_2_2_AND_2_3 = span('We have two sections (sections 2.2 & 2.3)', 'working on capabilities evaluations.');
const AGENTS = span('We also call for more research into understanding', 'transfers to LLM-agents.');
const TRADE_OFFS_CORE = span('One particular issue that I believe is core', 'well-suited for conducting such research.');
const TRADE_OFFS_ASSURANCE = span('For instance, such trade-offs are large', 'for the indefinite future.');
const TRADE_OFFS_AGENCY = span('Another key axis of trade-offs', 'outcompeted by AI agents.');
const TRADE_OFFS_SUMMARY = span('The last section in this category (section 2.7)', 'only nominally popular within the AI Safety community.');
const PRETRAINING = span('In pretraining (section 3.1)', 'elicit some harmful capability.');
const FINETUNING = span('We have an extensive discussion on deficiencies', 'highly neglected in the community right now.');
const SECTION_3_3 = span('Section 3.3 is more about', 'scalable oversight research in this direction.');
const EVALS_AND_INTERPRETABILITY = span('We then go on to discuss challenges related to evaluations', '(sections 3.3 and 3.4).');
const INTERPRETABILITY_CRITIQUE = span('Interpretability is among the most popular', 'might be neglected by the AF community.');
const SECURITY = span('The last two sections in this category (sections 3.5 and 3.6)', 'yet seems to be highly neglected.');
const POISONING = span('There is some work showing that poisoning', 'does not de-poison a poisoned model.');
const VALUES = span('We start this category by discussing', 'within AI Safety/Alignment community.');
const MALICIOUS_USE_RISK = span('Policymakers’ concern about catastrophic', 'credibility of AI x-risk advocates.');
const MALICIOUS_USE = span('We then discuss gaps in our understanding', '(section 4.2).');
const TRUSTWORTHINESS = span('There is an emerging viewpoint that RLHF', 'in section 4.3.');
const SOCIOECONOMIC_AND_GOVERNANCE = span('The last two sections (4.4 and 4.5)', 'governance of LLMs.');
const GOVERNANCE_CRITIQUE = span('AI governance is (finally) becoming', 'their viability and utility.');
const GOVERNANCE_SUMMARY = span('The last two sections (4.4 and 4.5)', 'doing more governance work.');

export interface Topic {
  number: string;
  /** A short title in the post's own words for the section. */
  title: string;
  /** What the post says about the section, in the post's order. */
  excerpts: readonly Span[];
}

/** The agenda's 18 sections. Category-wide paragraphs stay with the post; each topic gets what is said of it. */
export const TOPICS: readonly Topic[] = [
  { number: '2.1', title: 'In-context learning', excerpts: [ICL_AND_REASONING] },
  { number: '2.2', title: 'Understanding capabilities', excerpts: [EVALS_RECOMMENDED, SECTION_2_2, SECTIONS_2_2_AND_2_3] },
  { number: '2.3', title: 'Measuring and predicting capabilities', excerpts: [SECTIONS_2_2_AND_2_3] },
  { number: '2.4', title: 'Reasoning capabilities', excerpts: [ICL_AND_REASONING] },
  { number: '2.5', title: 'LLM-agents', excerpts: [AGENTS] },
  { number: '2.6', title: 'Multi-agent settings', excerpts: [AGENTS] },
  { number: '2.7', title: 'Safety-performance trade-offs', excerpts: [TRADE_OFFS_CORE, TRADE_OFFS_ASSURANCE, TRADE_OFFS_AGENCY, TRADE_OFFS_SUMMARY] },
  { number: '3.1', title: 'Pretraining', excerpts: [PRETRAINING] },
  { number: '3.2', title: 'Finetuning', excerpts: [FINETUNING] },
  { number: '3.3', title: 'Evaluations', excerpts: [EVALS_RECOMMENDED, SECTION_3_3, EVALS_AND_INTERPRETABILITY] },
  { number: '3.4', title: 'Interpretability', excerpts: [INTERPRETABILITY_CRITIQUE, EVALS_AND_INTERPRETABILITY] },
  { number: '3.5', title: 'Jailbreaking', excerpts: [SECURITY] },
  { number: '3.6', title: 'Data poisoning', excerpts: [SECURITY, POISONING] },
  { number: '4.1', title: 'Values to encode in LLMs', excerpts: [VALUES] },
  { number: '4.2', title: 'Malicious use', excerpts: [MALICIOUS_USE_RISK, MALICIOUS_USE] },
  { number: '4.3', title: 'Trustworthiness', excerpts: [TRUSTWORTHINESS] },
  { number: '4.4', title: 'Socioeconomic impacts', excerpts: [SOCIOECONOMIC_AND_GOVERNANCE] },
  { number: '4.5', title: 'Governance', excerpts: [GOVERNANCE_CRITIQUE, GOVERNANCE_SUMMARY] },
];
