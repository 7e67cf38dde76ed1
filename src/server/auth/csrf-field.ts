/**
 * The field a form sends its CSRF token in. Its own module: the views put it in every form, and importing it
 * from security-plugins.ts pulled Fastify's cookie, CSRF and form plugins and the sign-in code into each view
 * (a second of module loading per view test).
 */
export const CSRF_FIELD = "_csrf";
