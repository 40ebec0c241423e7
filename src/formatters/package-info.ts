import { PACKAGE } from '../util/package.js';

export { PACKAGE };

/** Where a rule's documentation lives: rules/<id>/README.md in the repository. */
export function ruleDocsUrl(ruleId: string): string {
  return `${PACKAGE.repository}/blob/main/rules/${ruleId}/README.md`;
}
