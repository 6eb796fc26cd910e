import * as React from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { InputFile } from '../../app/ports';
import { objectUrl } from '../download';

// Fluent marks a focused link only by a double underline: too faint to find on a busy pane.
const useStyles = makeStyles({
  link: {
    ':focus-visible': { outlineStyle: 'solid', outlineWidth: tokens.strokeWidthThick, outlineColor: tokens.colorStrokeFocus2, outlineOffset: '2px', borderRadius: tokens.borderRadiusSmall },
  },
});

/** A link to bytes held in the pane; clicked once when it appears, and kept for hosts that block that. */
export function DownloadLink({ file }: { readonly file: InputFile }): React.JSX.Element | null {
  const styles = useStyles();
  const ref = React.useRef<HTMLAnchorElement>(null);
  const [href, setHref] = React.useState<string | undefined>();
  React.useEffect(() => {
    const url = objectUrl(file.bytes);
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  React.useEffect(() => {
    if (href) ref.current?.click();
  }, [href]);
  if (!href) return null;
  return <Link ref={ref} className={styles.link} href={href} download={file.name} data-testid="cabinet-download">Save {file.name}</Link>;
}
