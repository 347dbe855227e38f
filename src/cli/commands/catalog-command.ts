import { listCertifications } from "../../core/catalog/catalog.js";
import { FOCUS_AREAS, LEVELS, STATUSES } from "../../core/catalog/catalog-types.js";
import { summarizeCertification } from "../../core/catalog/catalog-view.js";
import { cliContext } from "../cli-context.js";
import { UsageError } from "../run-action.js";
import { printJson, style, table } from "../terminal.js";

/** Checks a flag value against its allowed words. */
export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase() as T;
  if (allowed.includes(v)) return v;
  throw new UsageError(`${flag} "${value}" is not valid. Use one of: ${allowed.join(", ")}.`);
}

export async function catalogCommand(opts: {
  level?: string;
  status?: string;
  focus?: string;
  on?: string;
  json?: boolean;
}) {
  const ctx = await cliContext();
  const on = opts.on ?? ctx.today();
  const filter = {
    on,
    level: oneOf("--level", opts.level, LEVELS),
    status: oneOf("--status", opts.status, STATUSES),
    focus: oneOf("--focus", opts.focus, FOCUS_AREAS),
  };
  const certifications = listCertifications(ctx.catalog, filter).map((c) =>
    summarizeCertification(ctx.catalog, c, on),
  );
  if (opts.json) return printJson({ certifications });
  if (certifications.length === 0) {
    console.log(`No certification matches these filters on ${on}.`);
    return;
  }
  const rows = certifications.map((c) => [
    c.status === "retired" ? style.dim(c.code) : c.code,
    c.shortName,
    c.level,
    c.status === "retired"
      ? style.yellow(`retired ${c.retiredOn ?? ""}`.trim())
      : c.status === "beta"
        ? style.yellow("beta")
        : "active",
    String(c.exam.questions ?? "?"),
    c.exam.durationMinutes ? `${c.exam.durationMinutes}` : "?",
    c.exam.priceUsd ? `$${c.exam.priceUsd}` : "?",
    String(c.exam.passingScore ?? "?"),
    c.successors.length ? `→ ${c.successors.join(", ")}` : "",
  ]);
  console.log(
    table(["Code", "Certification", "Level", "Status", "Qs", "Min", "Price", "Pass", "Successor"], rows),
  );
  console.log(
    style.dim(`\n${certifications.length} certifications as of ${on}. Details: certpath show <code>`),
  );
}
