import type { APIRoute } from 'astro';
import { searchRecords } from '../data/search-records.ts';

/**
 * The search records, written at build time for the Pagefind integration,
 * which indexes them and then deletes this file from the output.
 */
export const GET: APIRoute = async () => new Response(JSON.stringify(await searchRecords()));
