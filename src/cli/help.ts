// Usage text only: `scorecard --help` loads no command (start-up, issue 19).
const HISTORY_USAGE = `Usage: scorecard history show MASTER.json [--ref R] [--json]

Shows the BI master that consolidate --history keeps: each closed quarter with when it was closed,
against which catalogue version, how many values and missing returns, and any reopenings (with
their reasons). With --ref, one indicator's recorded values quarter by quarter.
Values are as recorded, for the BI team: small counts are NOT suppressed here; never paste this into a public paper.`;

/** Usage text for every command: what `--help` prints. */
export const USAGE: Readonly<Record<string, string>> = {
  main: `scorecard: the Corporate Scorecard command line

Usage: scorecard <command> [options]

Commands:
  demo --out DIR                       the whole flow on sample data: start here
  template --period P --out FILE.xlsx  a blank Return workbook for a period (and a service)
  template --all-services --period P --out-dir DIR
                                       one Return workbook per service
  validate FILE.xlsx...                check returns: RAG counts and every problem, by cell
  consolidate FILE.xlsx... --out FILE.xlsx
                                       validate returns and write the locked Cabinet workbook
  catalogue check FILE                 check a catalogue (.json or .xlsx)
  catalogue import FILE.xlsx --out FILE.json
  catalogue export FILE.json --out FILE.xlsx
  catalogue diff OLD NEW               what changed between two catalogues
  history show MASTER.json             the BI master: every closed quarter, per indicator
  verify CABINET.xlsx                  have the numbers changed since export? (--public-key: who signed it)
  keys new --out DIR                   an Ed25519 key pair for consolidate --sign and verify --public-key

Options for every command: --help, --quiet (results only, no chatter).
Exit codes: 0 done, no errors; 1 done, errors found; 2 could not do it.
Run scorecard <command> --help for the details.`,
  template: `Usage: scorecard template --period P [--service S] [--catalogue FILE] --out FILE.xlsx [--force]
       scorecard template --all-services --period P [--catalogue FILE] --out-dir DIR [--force]

Writes a Return workbook for performance leads: one row per indicator due in period P
(written like 2024-25 Q2), the catalogue's targets, a live RAG column, entry cells unlocked.
  --service S       only the indicators of service S (e.g. "Customer Services")
  --catalogue FILE  a catalogue .json or .xlsx (default: the embedded catalogue)
  --out FILE.xlsx   where to write; an existing file is kept unless --force
  --all-services    one return per service with indicators due in P, named after the service
                    and period (customer-services-2024-25-q2.xlsx); services with nothing due
                    are listed as skipped, with the reason
  --out-dir DIR     where --all-services writes (created if absent). If any of the files
                    exists, nothing is written unless --force`,
  validate: `Usage: scorecard validate FILE.xlsx... [--period P] [--catalogue FILE] [--history MASTER.json] [--json] [--csv FILE.csv [--force]]

Checks each return against the catalogue and prints, per file, the RAG counts and every
problem with its cell (error  CS01  Return!F12  message). Never changes a file. A return is an
.xlsx (any program's), or a .csv of the Return sheet in the same layout.
  --period P        the period, when a return has no Period cell (or to check it says P)
  --catalogue FILE  a catalogue .json or .xlsx (default: the embedded catalogue)
  --history MASTER.json  the BI master: each row's direction of travel against the quarter before
  --json            one JSON document on stdout instead of text
  --csv FILE.csv    also write one row per indicator (file, ref, actual, status, direction,
                    commentary, action, cell); text starting = + - @ gets a leading ' so a
                    spreadsheet never runs it as a formula. An existing file is kept unless --force
Exit 0 no errors (warnings allowed), 1 errors found, 2 a file could not be read.`,
  consolidate: `Usage: scorecard consolidate FILE.xlsx... --out FILE.xlsx [--period P] [--catalogue FILE]
                             [--password PW] [--history MASTER.json [--reopen --reason TEXT]]
                             [--previous CABINET.xlsx] [--last-year CABINET.xlsx] [--directorate D] [--sign KEYFILE] [--json] [--force]

Validates every return, combines them into one scorecard and writes the locked, print-ready
Cabinet workbook. Conflicts (two returns giving different values) and missing returns are listed.
All or nothing: if any input cannot be read, nothing is written. Inputs are never modified.
  --password PW     protect the Cabinet sheet with a password (protection is not security:
                    the fingerprint is the integrity check; see scorecard verify)
  --history FILE    the BI master (JSON): the quarter is added to it (created if absent; the
                    previous version kept as FILE.bak); direction of travel, trends and last
                    available results come from it, and targets are those that applied then
  --reopen          replace a quarter already closed in the history (the old values are kept
                    as a revision); --reason TEXT says why, and is kept with the revision
  --previous FILE   last quarter's Cabinet workbook, for direction of travel (without --history)
  --last-year FILE  the same quarter last year's Cabinet workbook (without --history)
  --directorate D   a Directorate Management Team pack: the same locked, fingerprinted sheet with
                    only directorate D's indicators (catalogue field directorate, any case), its
                    missing returns and counts; titled "DMT pack: D". Not with --history
  --sign KEYFILE    sign the paper's fingerprints with the BI team's private key (from scorecard
                    keys new): verify --public-key then proves the paper came from them unchanged
  --json            one JSON document on stdout (files, conflicts, missing, output, history)
  --force           overwrite --out if it exists`,
  catalogue: `Usage: scorecard catalogue check FILE
       scorecard catalogue import FILE.xlsx --out FILE.json [--force]
       scorecard catalogue export FILE.json --out FILE.xlsx [--force]
       scorecard catalogue check NEW --against OLD
       scorecard catalogue diff OLD NEW [--json]

check   validates a catalogue (.json, or a catalogue workbook) and lists every problem by JSON path
import  turns the BI team's catalogue workbook into catalogue JSON (only if it is valid)
export  writes a catalogue as a workbook: sheet Indicators (one row per indicator, columns named
        after the fields, nested ones dotted like targets.2024-25 or tolerance.relative, lists like
        dueQuarters written Q1,Q2, the text null for null), Catalogue (top-level fields),
        Priorities, FlagshipActions and Changes. export then import gives back the same JSON.
check --against OLD  also fails (exit 1) when a change since OLD has no change-log entry with a
        date, reason and authority
diff    lists additions, removals, and target, tolerance, polarity, floor, title and definition
        changes, one per line
Without FILE, check and export use the embedded catalogue.`,
  verify: `Usage: scorecard verify CABINET.xlsx [--public-key FILE | --catalogue FILE] [--against MASTER.json]

Recomputes the fingerprints of the Cabinet sheet and compares them with those stored in the
workbook's properties when it was exported. Anyone who edits the file can recompute an unkeyed
fingerprint, so alone it shows an accidental change, not who made the paper.
  --public-key FILE  the BI team's public key (.pub from scorecard keys new, or its base64): the
                     paper must carry a signature by it (consolidate --sign) over the fingerprints
  --catalogue FILE   take the keys from the catalogue's "signing": {"publicKeys": ["base64"]}
  --against MASTER.json  also compare the paper's numbers with the BI master's record of its
                     quarter: each ref's actual and RAG (a suppressed <5 matches a count of 1 to 4
                     recorded; a result carried forward is compared with its own quarter)
Exit 0 unchanged (and signed by the key, when one is given); 1 the numbers changed, or a key was
given and the paper is unsigned, signed by another key or its signature does not match, or it
differs from the master; 2 not readable, not a Cabinet workbook, a bad key file, or a master with
no record of the quarter or of another council.`,
  keys: `Usage: scorecard keys new --out DIR

Makes an Ed25519 key pair for signing Cabinet papers: DIR/scorecard-signing.key (private, PEM,
mode 0600: the BI team keeps it and gives it to consolidate --sign) and DIR/scorecard-signing.pub
(public, PEM: give it to anyone who verifies). Prints the key id and the public key in base64 for
the catalogue's "signing": {"publicKeys": [...]}. Never overwrites: if either file exists, exit 2.`,
  demo: `Usage: scorecard demo --out DIR [--force]

Runs the whole flow on the embedded catalogue with realistic sample returns: writes filled
Return workbooks, a validation report for each, the Cabinet workbook and a README.txt saying
what each file is. DIR must be empty or new unless --force.`,
  history: HISTORY_USAGE,
};
