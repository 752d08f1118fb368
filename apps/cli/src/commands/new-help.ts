import { exitCodesHelp } from '../exit-codes-help.js';

/** The text of `pqsdk new --help`. */
export const NEW_HELP = `Usage: pqsdk new <Name> [-d <folder>]

Create a connector project, like "Create an extension project" of the Power Query SDK for VS
Code: a folder <Name> holding
  <Name>.pq            the connector: a data source function <Name>.Contents with documented
                       parameters, the <Name> data source kind (Anonymous authentication,
                       TestConnection), a publish record and icons
  <Name>.query.pq      a test query that calls <Name>.Contents
  resources.resx       the strings the connector loads with Extension.LoadString
  <Name>16.png … <Name>80.png
                       icons at 16, 20, 24, 32, 40, 48, 64 and 80 pixels
The name must be an M identifier without dots (letters, digits and _, starting with a letter
or _, not a keyword), as it names the section, the data source kind and the files. An existing
folder is never overwritten, unless it is empty.

Options:
  -d, --dest <folder>  Where to create the project folder (default: the working folder)
  -h, -?, --help       Show this help

Example:
  pqsdk new MyConnector
  pqsdk set-credential -e MyConnector -q MyConnector/MyConnector.query.pq -ak Anonymous
  pqsdk run-test -e MyConnector -q MyConnector/MyConnector.query.pq
  pqsdk compile MyConnector

${exitCodesHelp('the project folder exists and is not empty, or could not be written')}`;
