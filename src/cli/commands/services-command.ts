import { cliContext } from "../cli-context.js";
import { printJson, style, table } from "../terminal.js";

/** The service words the advisor's --stack understands. */
export async function servicesCommand(opts: { json?: boolean }) {
  const ctx = await cliContext();
  const services = ctx.catalog.services.map((s) => ({ slug: s.slug, name: s.name, aliases: s.aliases }));
  if (opts.json) return printJson({ services });
  console.log(
    table(
      ["Slug", "Service", "Also"],
      services.map((s) => [s.slug, s.name, s.aliases.join(", ")]),
    ),
  );
  console.log(
    style.dim(`\n${services.length} services. Use slugs, names or aliases: --stack lambda,dynamodb`),
  );
}
