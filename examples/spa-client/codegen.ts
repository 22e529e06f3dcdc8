// graphql-codegen's client preset over the service's exported SDL: every operation in src/
// gets its result and variables types. The scalar map gives the custom scalars the shapes
// their @specifiedBy formats have, so a float amount or a date in the wrong form is a
// compile error here rather than a refusal from the server.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: {
          // YYYY-MM-DD
          Date: '`${number}-${number}-${number}`',
          // RFC 3339 with offset; answered in UTC
          DateTime: 'string',
          // HH:MM:SS on the clinic's clock (HH:MM accepted as input)
          LocalTime: '`${number}:${number}` | `${number}:${number}:${number}`',
          // plain-notation decimal as a JSON string ("1520.50"); never a JS number
          Decimal: '`${number}`',
          JSON: 'string | number | boolean | null | { [key: string]: unknown } | unknown[]',
        },
      },
    },
  },
};

export default config;
