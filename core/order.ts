/** Code-point order: the same on every machine, unlike `localeCompare`. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts by several text keys in turn. */
export const byKeys =
  <T>(...keys: Array<(item: T) => string>) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const order = compareText(key(a), key(b));
      if (order !== 0) return order;
    }
    return 0;
  };

export const uniqueSortedText = (values: string[]): string[] => [...new Set(values)].sort(compareText);
