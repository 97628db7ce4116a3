import { downloadRoute } from '../../../data/download-route.ts';

/** The talk's transcript as a txt file (see src/data/download-route.ts). */
export const { getStaticPaths, GET } = downloadRoute('text');
