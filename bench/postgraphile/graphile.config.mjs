// PostGraphile 5, the peer a team would pick instead of writing this service, as the
// benchmark runs it: the amber preset over the benchmark database's `public` schema, in
// production mode (GRAPHILE_ENV unset), without explain or watch, with the same number of
// database connections as the service's pool. The benchmark sets DATABASE_URL, PORT, POOL_SIZE.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

export default {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["public"],
      poolConfig: { max: Number(process.env.POOL_SIZE ?? 4) },
    }),
  ],
  grafserv: { host: "127.0.0.1", port: Number(process.env.PORT ?? 5678) },
  grafast: { explain: false },
};
