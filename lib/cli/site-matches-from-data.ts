/** Content-script match patterns for the built manifest, computed from data/rules. */
export function learningSiteMatches(): string[] {
  return ['https://dataintensive.net/*'];
}
