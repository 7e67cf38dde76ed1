/**
 * Population per municipality, used for "sager pr. 10.000 indbyggere" and to scale the demo data set.
 *
 * Source: Danmarks Statistik, statistikbanken.dk table FOLK1A (folketal den 1. i kvartalet), 1 January
 * 2024 (2024K1). The figures are ROUNDED (to the nearest 500 above 20.000 inhabitants, to the nearest 100
 * below) and were transcribed by hand without network access to the table: each is expected within about
 * 2 % of FOLK1A, which moves a "per 10.000" figure by at most its second decimal. Replace them with the
 * exact FOLK1A values (and update POPULATION_REFERENCE) before publishing per-capita figures.
 * Keyed by municipality code, never by name.
 */
export const POPULATION_REFERENCE = {
  sourceDa: "Danmarks Statistik, FOLK1A, 1. januar 2024 (afrundet)",
  date: "2024-01-01",
  rounded: true,
} as const;

export const POPULATION_BY_CODE: Readonly<Record<string, number>> = {
  "0101": 660_500, "0147": 105_000, "0151": 52_000, "0153": 39_000, "0155": 14_600, "0157": 75_000,
  "0159": 70_000, "0161": 24_000, "0163": 30_000, "0165": 28_000, "0167": 55_000, "0169": 58_000,
  "0173": 57_000, "0175": 41_000, "0183": 24_000, "0185": 44_000, "0187": 17_000, "0190": 41_500,
  "0201": 26_000, "0210": 41_500, "0217": 63_500, "0219": 53_500, "0223": 25_000, "0230": 57_000,
  "0240": 44_500, "0250": 46_000, "0253": 51_000, "0259": 62_000, "0260": 31_500, "0265": 91_000,
  "0269": 23_500, "0270": 41_500, "0306": 33_000, "0316": 73_000, "0320": 38_000, "0326": 48_500,
  "0329": 36_000, "0330": 80_000, "0336": 23_000, "0340": 30_000, "0350": 29_000, "0360": 40_000,
  "0370": 84_000, "0376": 60_000, "0390": 45_500, "0400": 39_000, "0410": 39_500, "0420": 41_000,
  "0430": 51_500, "0440": 24_000, "0450": 32_500, "0461": 207_000, "0479": 59_500, "0480": 29_500,
  "0482": 12_000, "0492": 6_000, "0510": 56_000, "0530": 27_000, "0540": 74_000, "0550": 37_000,
  "0561": 116_000, "0563": 3_500, "0573": 50_500, "0575": 43_000, "0580": 59_000, "0607": 52_500,
  "0615": 99_000, "0621": 95_000, "0630": 121_000, "0657": 90_000, "0661": 59_000, "0665": 19_500,
  "0671": 20_500, "0706": 44_000, "0707": 37_000, "0710": 50_000, "0727": 23_500, "0730": 100_000,
  "0740": 100_000, "0741": 3_700, "0746": 64_000, "0751": 367_000, "0756": 42_000, "0760": 56_000,
  "0766": 48_000, "0773": 20_000, "0779": 46_000, "0787": 43_000, "0791": 98_000, "0810": 36_500,
  "0813": 58_500, "0820": 36_000, "0825": 1_800, "0840": 30_500, "0846": 41_500, "0849": 38_500,
  "0851": 222_000, "0860": 64_000,
};

export function populationOf(code: string): number | undefined {
  return POPULATION_BY_CODE[code];
}
