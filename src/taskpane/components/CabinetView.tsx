import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalogue } from '../../core/catalogue/schema';
import { directoratesOf } from '../../app/directorate';
import type { CabinetPreview, InputFile, ScorecardServices } from '../../app/ports';
import { cabinetFileName, downloadNote } from '../download';
import { useAction } from '../use-action';
import { useReveal } from '../reveal';
import { useAnnounce } from './Announcer';
import { CabinetSummary } from './CabinetSummary';
import { DashboardPanel } from './DashboardPanel';
import { DownloadLink } from './DownloadLink';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // Empty until something is made: no stray gap in the column.
  outcome: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, ':empty': { display: 'none' } },
});

export interface CabinetViewProps {
  readonly services: ScorecardServices;
  readonly catalogue: Catalogue;
  readonly period: string;
}

export function CabinetView({ services, catalogue, period }: CabinetViewProps): React.JSX.Element {
  const styles = useStyles();
  const announce = useAnnounce();
  const [preview, setPreview] = React.useState<CabinetPreview | undefined>();
  const [password, setPassword] = React.useState('');
  const [created, setCreated] = React.useState<string | undefined>();
  const [file, setFile] = React.useState<InputFile | undefined>();
  const [opened, setOpened] = React.useState<string | undefined>();
  // '' is the whole council (the Cabinet paper); a directorate makes its DMT pack.
  const [directorate, setDirectorate] = React.useState('');
  // Each made sheet, file or workbook brings its outcome (below the buttons, often below the fold) to view.
  const [made, setMade] = React.useState(0);
  const outcome = useReveal<HTMLDivElement>(made);
  const directorates = React.useMemo(() => directoratesOf(catalogue), [catalogue]);
  const scope = directorate ? { directorate } : {};
  const options = { ...(password ? { password } : {}), ...scope };
  const paperName = directorate ? `DMT pack for ${directorate}` : 'Cabinet';
  // Excel.createWorkbook where the host has it; on a host that drops downloads (Excel for Mac) it is the way to the file.
  const canOpen = services.host.openWorkbook;
  const noDownloads = services.host.downloads === 'none';

  const load = useAction(async () => setPreview(await (directorate ? services.cabinetPreview(catalogue, period, { directorate }) : services.cabinetPreview(catalogue, period))));
  const create = useAction(async () => {
    const { sheet } = await services.createCabinetSheet(catalogue, period, options);
    setCreated(sheet);
    setMade((n) => n + 1);
    announce(`Created the locked sheet ${sheet} (${paperName}).`);
  });
  const download = useAction(async () => {
    const f = await services.downloadCabinet(catalogue, period, options);
    const named = { name: cabinetFileName(f, period), bytes: f.bytes };
    setFile(named);
    setMade((n) => n + 1);
    announce(downloadNote(services.host, named.name).text);
  });
  const open = useAction(async () => {
    const { name } = await services.openCabinetWorkbook(catalogue, period, options);
    setOpened(name);
    setMade((n) => n + 1);
    announce(`Opened ${name} as a new workbook.`);
  });

  React.useEffect(() => {
    if (directorate && !directorates.includes(directorate)) setDirectorate('');
  }, [directorates, directorate]);

  React.useEffect(() => {
    setPreview(undefined); setCreated(undefined); setFile(undefined); setOpened(undefined);
    void load.run();
  }, [catalogue, period, directorate, load.run]);

  const busy = create.busy || download.busy || open.busy;
  const note = file ? downloadNote(services.host, file.name) : undefined;
  return (
    <div className={styles.view}>
      <div className={styles.row}>
        <h3>{directorate ? `DMT pack summary, ${directorate}, ${period}` : `Cabinet summary, ${period}`}</h3>
        <Button size="small" disabled={load.busy} onClick={() => void load.run()}>Refresh preview</Button>
      </div>
      <Field label="Directorate"
        hint="Whole council makes the Cabinet paper; a directorate makes its Directorate Management Team pack: the same locked sheet with only its indicators, missing returns and counts.">
        <Select value={directorate} onChange={(_, d) => setDirectorate(d.value)}>
          <option value="">Whole council</option>
          {directorates.map((d) => <option key={d} value={d}>{d}</option>)}
        </Select>
      </Field>
      {load.busy && <Spinner size="tiny" label="Preparing the preview…" />}
      <ErrorBar title="Could not prepare the Cabinet preview" message={load.error} onDismiss={load.dismiss}
        hint="Validate the returns (or consolidate them) for this period, then refresh." />
      {preview && <CabinetSummary preview={preview} />}
      <Field label="Sheet password (optional)"
        hint="Protection stops accidental edits; it is not security. The fingerprint in the file's properties is the integrity check.">
        <Input type="password" value={password} autoComplete="new-password" onChange={(_, d) => setPassword(d.value)} />
      </Field>
      <div className={styles.row}>
        {canOpen && noDownloads && <Button appearance="primary" disabled={busy} onClick={() => void open.run()}>Open as a new workbook</Button>}
        <Button appearance={canOpen && noDownloads ? 'secondary' : 'primary'} disabled={busy} onClick={() => void create.run()}>{directorate ? 'Create locked DMT pack sheet' : 'Create locked Cabinet sheet'}</Button>
        <Button disabled={busy} onClick={() => void download.run()}>Download .xlsx</Button>
        {canOpen && !noDownloads && <Button disabled={busy} onClick={() => void open.run()}>Open as a new workbook</Button>}
        {busy && <Spinner size="tiny" label={create.busy ? 'Creating the sheet…' : open.busy ? 'Opening the workbook…' : 'Building the workbook…'} />}
      </div>
      <div className={styles.outcome} ref={outcome} tabIndex={-1} data-testid="cabinet-outcome" role="group" aria-label="Made from the Cabinet summary">
        {created && <MessageBar intent="success"><MessageBarBody>Created sheet {created}: locked, values only, ready to print.</MessageBarBody></MessageBar>}
        {opened && <MessageBar intent="success"><MessageBarBody>Opened {opened} as a new workbook: save it there from Excel. This workbook is unchanged.</MessageBarBody></MessageBar>}
        {file && note && (note.saved
          ? <Text data-testid="download-note">{note.text} Not there? <DownloadLink file={file} /></Text>
          : <MessageBar intent="warning" data-testid="download-note"><MessageBarBody>{note.text}</MessageBarBody></MessageBar>)}
      </div>
      <ErrorBar title="Could not create the Cabinet sheet" message={create.error} onDismiss={create.dismiss}
        hint="A sheet with that name may exist already: rename it, fix the returns' errors, then try again." />
      <ErrorBar title="Could not build the Cabinet workbook" message={download.error} onDismiss={download.dismiss}
        hint="If the returns have errors, fix them; otherwise close and reopen the pane, then try again." />
      <ErrorBar title="Could not open the Cabinet workbook" message={open.error} onDismiss={open.dismiss}
        hint="Use Download .xlsx instead, or Create locked Cabinet sheet." />
      <DashboardPanel services={services} catalogue={catalogue} period={period} />
    </div>
  );
}
