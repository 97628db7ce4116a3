// Linting with type information: typescript-eslint's type-checked rules over every TypeScript file
// and the frontmatter and templates of every Astro component, and eslint-plugin-astro's rules for the
// components. Formatting is Prettier's alone (eslint-config-prettier turns off the rules it would fight).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist.*/', '.astro/', 'coverage/', 'node_modules/', 'tests/fixtures/', 'sources/', 'content/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
    },
    rules: {
      // A name starting with "_" is there to be left out (`const { skipped: _, ...rest } = entry`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.astro'],
    // The project service does not open Astro components; the tsconfig's program does.
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.json' } },
    // Astro types an element in a template as `any` (its JSX serves several frameworks), so every
    // `list.map((item) => <li>…</li>)` would be an "unsafe return"; the rule stays on everywhere else.
    rules: { '@typescript-eslint/no-unsafe-return': 'off' },
  },
  // The scripts inside Astro components are extracted as virtual files no TypeScript project holds.
  { files: ['**/*.astro/*.ts', '**/*.astro/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
