// One lint setup for the whole repository: TypeScript, React, hooks and accessibility rules.
// Formatting is Prettier's job (the "prettier" key in package.json), so no rule here is about layout.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["app/generated/", "build/", "public/build/", "tests/.tmp/", "node_modules/", ".cache/", "backups/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  react.configs.flat.recommended,
  react.configs.flat["jsx-runtime"],
  reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    settings: { react: { version: "detect" } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Types say what a component takes; prop-types would say it twice.
      "react/prop-types": "off",
      // The sign-in and code pages have one task and one field; focusing it is what people expect
      // there. No other page moves the focus on load.
      "jsx-a11y/no-autofocus": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    // The two places that parse a body themselves, each turning a broken one into a 400.
    ignores: ["app/utils/form-data.server.ts", "app/utils/multipart.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='formData'][arguments.length=0]",
          message: "Read posted forms with readForm (app/utils/form-data.server.ts): a broken body is a 400, not a 500.",
        },
      ],
    },
  },
]);
