/**
 * zod's English error messages. Classic zod set its English locale as it loaded; zod mini sets none, so
 * every issue's message would be a bare "Invalid input". People read these messages: the API's 400
 * VALIDATION_FAILED problems (functions/runtime/middleware.ts) and the configuration errors of a cold start
 * or a synth (functions/runtime/config.ts, infra/constructs/town-settings.ts) quote them. Each module that
 * turns issues into such text imports this one for its side effect (`import '…/shared/zod-messages.ts';`),
 * so the locale is set before its first parse, whichever module a bundle or a test loads first.
 *
 * `en` is imported by name from 'zod/locales', not read as `z.locales.en`: that namespace object holds every
 * locale, and a bundle that touches it carries all of them (about 260 KB minified, against 3 KB for English).
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';

z.config(en());
