/**
 * One GitHub Actions workflow command (`::error file=…,line=…,title=…::message`). The runner
 * unescapes `%25`, `%0D`, `%0A` in the message, and also `%3A`, `%2C` in properties (where `:`
 * and `,` would end the property); every other control character is made visible first, so text
 * from a trace cannot forge a second command.
 */
import { escapeControl } from '../../io/control-chars.js';

export const escapeData = (s: string): string => escapeControl(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export interface AnnotationProperties {
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title: string;
}

export function annotation(level: 'error' | 'warning' | 'notice', p: AnnotationProperties, message: string): string {
  const props = [
    p.file !== undefined && `file=${escapeProperty(p.file)}`,
    p.line !== undefined && `line=${p.line}`,
    p.endLine !== undefined && `endLine=${p.endLine}`,
    p.col !== undefined && `col=${p.col}`,
    p.endColumn !== undefined && `endColumn=${p.endColumn}`,
    `title=${escapeProperty(p.title)}`,
  ].filter(Boolean);
  return `::${level} ${props.join(',')}::${escapeData(message)}`;
}
