import * as React from 'react';
import { Link } from '@fluentui/react-components';
import type { InputFile } from '../services';
import { objectUrl } from '../download';

/** A link to bytes held in the pane; clicked once when it appears, and kept for hosts that block that. */
export function DownloadLink({ file }: { readonly file: InputFile }): React.JSX.Element | null {
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
  return <Link ref={ref} href={href} download={file.name} data-testid="cabinet-download">Save {file.name}</Link>;
}
