import { describe, expect, it } from 'vitest';
import { fieldWords, namesSecret } from '@/lib/privacy/secret-words';

describe('fieldWords', () => {
  it('splits camelCase, snake_case, kebab-case and digits into words, without accents', () => {
    expect(fieldWords('userPin')).toBe(' user pin ');
    expect(fieldWords('user_pin')).toBe(' user pin ');
    expect(fieldWords('pin1')).toBe(' pin 1 ');
    expect(fieldWords('PINCode')).toBe(' pin code ');
    expect(fieldWords('otp-input[3]')).toBe(' otp input 3 ');
    expect(fieldWords('2FA code')).toBe(' 2 fa code ');
    expect(fieldWords('Código de verificación')).toBe(' codigo de verificacion ');
    expect(fieldWords('Bestätigungscode')).toBe(' bestatigungscode ');
  });
});

describe('namesSecret', () => {
  it.each([
    // English
    'password', 'newPassword', 'confirm_password', 'pass', 'pwd', 'Passphrase', 'passcode',
    'pin', 'PIN', 'pin1', 'pin4', 'userPin', 'user_pin', 'user-pin', 'PinInput', 'pinCode', 'PIN number', 'Enter your PIN',
    'otp', 'otpCode', 'otp_1', 'TOTP', 'mfaCode', 'MFA', '2FA code', '2fa', 'Two-factor code', '2-step verification code',
    'Verification code', 'verificationCode', 'verification', 'Enter the 6-digit code', 'Digit 1', 'digit-3',
    'One-time code', 'One time password', 'Security code', 'Authentication code', 'Authenticator code', 'SMS code',
    'Enter the code we sent you', 'Confirmation code', 'Backup code', 'Recovery code', 'Access code', 'Login code',
    'Card number', 'cardNumber', 'cc-number', 'ccnum', 'credit card', 'cvc', 'CVV', 'cvv2', 'csc', 'Card security code',
    'ssn', 'Social Security number', 'iban', 'API key', 'apiKey', 'api_token', 'Client secret', 'secret', 'access token',
    // German
    'Passwort', 'Kennwort', 'Neues Kennwort', 'Geheimzahl', 'Bestätigungscode', 'Bestaetigungscode', 'Kartennummer',
    'Sicherheitscode', 'Einmalpasswort', 'PIN-Nummer', 'TAN', 'SMS-Code', 'Verifizierungscode', 'Kartenprüfnummer',
    'Kreditkartennummer', 'Zugangscode',
    // French
    'Mot de passe', 'mot-de-passe', 'motDePasse', 'Code de vérification', 'Numéro de carte', 'Cryptogramme visuel',
    'Code de sécurité', 'Code confidentiel', 'Code secret', 'Code reçu par SMS', 'Code à usage unique', 'NIP',
    // Spanish
    'Contraseña', 'contrasena', 'Código de verificación', 'Número de tarjeta', 'CVV de la tarjeta', 'Clave de acceso',
    'Código de seguridad', 'Código enviado por SMS', 'Dígito 1',
    // Others
    'Senha', 'Wachtwoord',
  ])('%s is secret', (text) => {
    expect(namesSecret(text)).toBe(true);
  });

  it.each([
    'spinner', 'Spinner', 'pinned', 'isPinned', 'shipping', 'shipping_address', 'opinion', 'Your opinion', 'happiness',
    'pinyin', 'Pinterest URL', 'zipcode', 'zip_code', 'zipCode', 'ZIP code', 'Postal code', 'postcode', 'Postleitzahl',
    'Code postal', 'Código postal', 'Promo code', 'promoCode', 'Coupon code', 'Discount code', 'Gutscheincode',
    'Rabattcode', 'Country code', 'Area code', 'Currency code', 'Language code', 'Referral code', 'Tracking code',
    'Product code', 'Source code', 'code', 'Code', 'couponCode', 'Verify your postal code', 'Gift code',
    'passenger', 'Passenger name', 'compass', 'bypass_cache', 'first_name', 'lastName', 'email', 'E-mail address',
    'Username', 'Search', 'Merchant', 'Amount', 'Date of birth', 'Comment', 'secretary', 'Palabra clave',
    'One-time donation amount', 'Enter your 10-digit phone number', 'discard', 'Description', 'Company', 'Street',
    'Mot-clé', 'Nom', 'Stadt', 'Ciudad', 'Teléfono', 'Numéro de téléphone', 'Apartment', 'Typing speed',
  ])('%s is not secret', (text) => {
    expect(namesSecret(text)).toBe(false);
  });
});
