/**
 * The words that make a form field secret, read from its name, id, label, placeholder, …
 * Pure: text in, yes or no out.
 *
 * Matching is by whole words after the text is split into words the way developers and
 * translators write them: `userPin`, `user_pin`, `pin1` and "PIN-Nummer" all contain the
 * word "pin", while "spinner", "pinned", "shipping" and "opinion" do not. Accents are
 * dropped first ("contraseña" → "contrasena", "Bestätigungscode" → "bestatigungscode"), so
 * the patterns below are plain ASCII. German compounds are matched inside words, since
 * "Einmalpasswort" and "Kartennummer" are single words.
 *
 * "Code" alone is not a secret (postal code, promo code, country code): it is one only with
 * a word of verification, one-time use or security around it, and no word of those others.
 */

/** Splits into lower-case words with single spaces, padded by a space on each side. */
export function fieldWords(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // é → e, ä → a, ñ → n
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2') // userPin → user Pin
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2') // PINCode → PIN Code
    .replace(/(\p{L})(\p{N})/gu, '$1 $2') // pin1 → pin 1
    .replace(/(\p{N})(\p{L})/gu, '$1 $2') // 2FA → 2 FA
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${words} `;
}

/** Secret on its own, inside any word (compounds: "newPassword" is one word in lower case). */
const SECRET_STEMS =
  /password|passwort|passwd|passphrase|passcode|kennwort|geheimzahl|contrasena|senha|wachtwoord|motdepasse|kartennummer|kreditkarte|creditcard|cardnumber|ccnum|cryptogramme|sicherheitscode|bestatigungscode|bestaetigungscode|verifizierungscode|einmalpasswort|einmalcode|kartenprufnummer|kartenpruefnummer|apikey|secretkey/;

/** Secret as whole words (space-delimited in `fieldWords` output). */
const SECRET_WORDS = new RegExp(
  ' (' +
    [
      'pass|pwd|pin|pins|pincode|pinnumber|nip|tan|mtan|smstan|pushtan|chiptan',
      'otp|totp|hotp|mfa|tfa|2 fa|2 sv|two factor|2 step|two step|zwei faktor|doble factor|double authentification',
      'cvc|cvv|cvn|cvc 2|cvv 2|csc|ssn|iban|token|tokens|secret|secrets',
      'verification|verificacion|verifizierung|verificatie',
      'card|cards|cc number|cc num|tarjeta|carte bancaire|carte de credit|numero de carte|numero de tarjeta|numero di carta',
      'mot de passe|code secret|code confidentiel|clave',
      'one time (?:code|pass\\w*|pin|token|key)|security (?:code|number|answer|key|pin)',
      'social security|securite sociale|seguridad social|sozialversicherungs\\w*',
      'api key|private key|access token|client secret',
    ].join('|') +
    ') ',
);

/** "Clave" is Spanish for password, but "palabra clave" is a keyword. */
const NOT_SECRET_PHRASES = / palabra clave /g;

/** "Digit 3", "6-digit code": a one-time code's boxes, unless a phone number or postal code. */
const DIGIT_WORD = / (digit|digits|chiffre|chiffres|digito|digitos|ziffer|ziffern) /;
/** A word for "code", alone or at the end of a compound ("SMS-Code", "authcode", "código"). */
const CODE_WORD = / (\w*code|codigo|codice|kod|codes|codigos) /;
/** What turns a code into a secret one. */
const CODE_CONTEXT =
  / (verif\w*|confirm\w*|confirmacion|bestatigung\w*|auth|authentication|authenticator|authentifizierung|authentification|autenticacion|one time|einmal\w*|otp|2 fa|mfa|two factor|2 step|two step|security|securite|seguridad|sicherheit\w*|sms|text message|login|log in|sign in|anmelde\w*|backup|recovery|access|acceso|acces|zugang\w*|secret|secreto|pin|unique|usage unique|un solo uso|activation|sent|envoye|enviado|enviamos|gesendet|geschickt|texted|emailed) /;
/** Codes that are not secrets, even with such a word nearby. */
const PLAIN_CODE =
  / (postal|post|zip|zipcode|postcode|postleitzahl|plz|promo\w*|coupon|voucher|gutschein\w*|rabatt\w*|discount|descuento|gift|country|pays|pais|area|currency|language|referral|tracking|product|produit|producto|source|html|bar|barcode|qr|color|colour|invite|invitation|tax|vat|swift|bic|sort) /;
/** Digits of a phone number are not a code. */
const PHONE = / (phone|telephone|mobile|tel|telefon|telefono|handy|portable|movil|fax) /;

function decide(text: string): boolean {
  const words = fieldWords(text).replace(NOT_SECRET_PHRASES, ' ');
  if (SECRET_STEMS.test(words) || SECRET_WORDS.test(words)) return true;
  if (PLAIN_CODE.test(words)) return false;
  if (DIGIT_WORD.test(words) && !PHONE.test(words)) return true;
  return CODE_WORD.test(words) && CODE_CONTEXT.test(words);
}

// The same few labels come back on every scan of a page: remember recent answers.
const recent = new Map<string, boolean>();

/** True when these words (a field's name, id, label, …) name a secret. */
export function namesSecret(text: string): boolean {
  let answer = recent.get(text);
  if (answer === undefined) {
    if (recent.size > 500) recent.clear();
    answer = decide(text);
    recent.set(text, answer);
  }
  return answer;
}
