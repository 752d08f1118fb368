import { exitCodesHelp } from '../exit-codes-help.js';

/** The text of `pqsdk compile --help`. */
export const COMPILE_HELP = `Usage: pqsdk compile [options] <project-folder>

Build a Power Query connector project into a .mez file, like the Power Query SDK's build
(MakePQX compile).

The .mez holds the files of the project's top folder: exactly one section document (*.pq or *.m),
its modules (*.pqm), icons (*.png) and resources*.resx. Query files (*.query.pq,
*.parameterquery.pq), *.testsettings.json, dotfiles and sub-folders (bin/, obj/, …) are never
packaged; any other file (README.md, *.proj, …) is ignored, and said so, unless a *.proj lists
it as <MezContent Include="…"/> (as the DataConnectors samples do for client_id files): then it
is packaged under its file name.

Everything is checked before anything is written, and every problem is printed as
"<file>:<line>:<column> <message>": the section document and modules parse; each
DataSource.Kind and Publish attribute names a member of the section (Publish a record);
each Extension.Contents("…") names a packaged file and each Extension.LoadString("…") a string
of resources.resx; each .resx is well-formed. The output is reproducible (the same files give
the same bytes, in any time zone) and written atomically.

Options:
  -t, --target <name>  The output file name, with or without .mez (default: the folder's name)
  -d, --dest <folder>  The output folder (default: <project-folder>/bin/AnyCPU/Debug)
  --json               Print one JSON document instead:
                       {"ok","output","bytes","files":[{"name","size"}],"ignored",
                        "problems":[{"file","line","column","code","message"}]}
  -h, --help           Show this help

Examples:
  pqsdk compile MyConnector
  pqsdk compile examples/HelloWorld -d out -t HelloWorld-dev

${exitCodesHelp('the project has problems (nothing was written), or the .mez could not be written')}`;
