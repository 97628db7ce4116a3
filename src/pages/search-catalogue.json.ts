import type { APIRoute } from 'astro';
import { searchCatalogue } from '../data/search-records.ts';

/** Titles, kinds, dates and events of all talks, for naming search results (see search-records.ts). */
export const GET: APIRoute = async () => new Response(JSON.stringify(await searchCatalogue()));
