// ESLint flat config: typescript-eslint's strict and stylistic type-checked rules, with Prettier
// owning layout (eslint-config-prettier last). Every rule turned off or relaxed says why beside it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import ts from 'typescript';

const CLOCK =
  'core/time.ts and core/local-date.ts are the clock: parse with parseIsoTime/parseWallClock, convert with wallClockToUtc';

// `new Date(x)` builds an instant only from a number (epoch ms). From text the engine's parser
// reads a zone-less time in the browser's zone (and other strings as each engine likes); from
// fields (y, m, d, ...) the constructor uses the browser's zone too. Needs the type checker.
const dateFromNumber = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      notNumber: `new Date() from something that is not a number. ${CLOCK}.`,
      fields: `new Date(y, m, d, ...) reads the fields in the browser's zone. ${CLOCK} (fieldsToMs).`,
    },
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    const checker = services.program.getTypeChecker();
    const isNumber = (type) =>
      type.isUnion() ? type.types.every(isNumber) : (type.flags & ts.TypeFlags.NumberLike) !== 0;
    return {
      NewExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'Date' || node.arguments.length === 0) return;
        if (node.arguments.length > 1) return context.report({ node, messageId: 'fields' });
        const arg = services.esTreeNodeToTSNodeMap.get(node.arguments[0]);
        if (!isNumber(checker.getTypeAtLocation(arg))) context.report({ node, messageId: 'notNumber' });
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: ['node_modules/', '.output/', '.wxt/', 'test-results/', 'playwright-report/', 'docs/', 'public/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    rules: {
      // `let [h, m] = ...` where only some names are reassigned is clearer than splitting it.
      'prefer-const': ['error', { destructuring: 'all' }],
      // Empty callbacks are the intended no-op in listeners, catches and test fakes.
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // noUncheckedIndexedAccess makes `a[i]!` after a bounds check the idiom (356 hits, most in
      // byte readers and tests); a runtime check there would only repeat the loop condition.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers in template strings are the common, intended case (221 hits: messages, ids, logs).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `() => void send(x)` and short arrow callbacks returning void calls are house style (78 hits).
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Guards against values from pages, files and storage that the types call impossible; the
      // checks are deliberate (page trust, damaged records), so the rule's advice would be unsafe.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Async functions without await keep a promise-returning contract (handlers, fakes in tests).
      '@typescript-eslint/require-await': 'off',
      // FIT profile enums are compared with raw numbers read from the file (core/files), by design.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // Its advice (`!` for `as T`) disagrees with tsc on DOM queries in tests (querySelector as
      // HTMLDetailsElement), so the assertions stay as written.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // String(x) on values typed as strings that come from pages and stored records, on purpose.
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      // Tests and page adapters reject with plain values on purpose (simulating hostile pages).
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      // browser.* APIs are called as methods off the polyfill's objects, which do not use `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Deleting keys from plain record maps (stores, test state) is intended.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // `void` as a union member types callbacks that may return nothing (one hit in core).
      '@typescript-eslint/no-invalid-void-type': 'off',
      // Preact event handlers may be async; their promise is handled inside the handler.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Unused names prefixed with _ are kept for readability of signatures.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests: checking outcomes matters more than type hygiene; fakes and fixtures are loose on purpose.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-meaningless-void-operator': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
      '@typescript-eslint/no-confusing-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
      // Fixtures and stored files are parsed as JSON and read loosely: a wrong shape fails the test.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // Type-level tests write bare expressions whose only job is to compile (or fail to).
      '@typescript-eslint/no-unused-expressions': 'off',
      // Failure messages print whole values (problems, nulls) so a failing test explains itself.
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    // Building an Intl formatter costs far more than using one (14 weekday letters built afresh
    // took 7 ms of the popup's opening); pages take theirs from components/intl-cache.ts.
    files: ['components/**', 'entrypoints/**'],
    ignores: ['components/intl-cache.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.object.name='Intl']",
          message: 'Use the cached formatters in components/intl-cache.ts.',
        },
      ],
    },
  },
  {
    // One clock: no reader in the core parses a time on its own (issue 19).
    files: ['core/**/*.ts'],
    plugins: { 'hip-check': { rules: { 'date-from-number': dateFromNumber } } },
    rules: {
      'hip-check/date-from-number': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'parse', message: `Date.parse reads text as each engine likes. ${CLOCK}.` },
      ],
    },
  },
  {
    // Plain JS (scripts/, this file) is not in tsconfig, so type-aware rules cannot run there.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      // Node scripts use Node and browser globals; TypeScript is not checking them either, and the
      // `globals` package is not a dependency.
      'no-undef': 'off',
    },
  },
  prettier,
);
