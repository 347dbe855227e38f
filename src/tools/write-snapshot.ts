import { createContext, loadQuestionBankChecked } from "../compose.js";
import { writeContentSnapshots } from "../content/content-snapshot.js";

// Run by the build: validates content/ (catalog, advisor, question bank) and writes the snapshots that
// let the CLI and the server start without parsing YAML.
const files = await writeContentSnapshots(async (content) =>
  loadQuestionBankChecked(await createContext({ content })),
);
for (const f of files) console.log(`content snapshot: ${f}`);
