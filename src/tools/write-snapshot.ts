import { writeContentSnapshot } from "../content/content-snapshot.js";

// Run by the build: validates content/ and writes dist/content-snapshot.json for fast CLI starts.
const file = await writeContentSnapshot();
console.log(`content snapshot: ${file}`);
