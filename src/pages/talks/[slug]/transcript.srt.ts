import { downloadRoute } from '../../../data/download-route.ts';

/** The talk's transcript as a srt file (see src/data/download-route.ts). */
export const { getStaticPaths, GET } = downloadRoute('srt');
