/**
 * Two-sided standard normal quantiles used by the intervals and funnel limits. Fixed constants
 * (from any normal table; z(0.975) = 1.959964, z(0.999) = 3.090232) rather than a numerical
 * inverse, because the product only ever asks for these two levels.
 */
export const Z_95 = 1.959963984540054;
export const Z_998 = 3.090232306167813;
