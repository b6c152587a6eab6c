import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskCardNumber, maskEmail, maskPhone, maskSensitiveText, passesLuhn } from '@/lib/capture/mask-text';

/** The check digit that makes `body` + digit pass Luhn. */
function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(`${body}${d}`)) return String(d);
  throw new Error('unreachable');
}

describe('maskEmail', () => {
  it.each([
    ['jane.doe@example.com', 'j***@***.com'],
    ['j@example.org', 'j***@***.org'],
    ['first+tag@mail.example.co.uk', 'f***@***.uk'],
    ['ivan@пример.рф', 'i***@***.рф'],
  ])('masks %s as %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});

describe('passesLuhn', () => {
  it.each([
    ['Visa test card', '4242424242424242'],
    ['Visa 4111...', '4111111111111111'],
    ['Mastercard', '5555555555554444'],
    ['Amex (15 digits)', '378282246310005'],
    ['Discover', '6011111111111117'],
    ['JCB', '3530111333300000'],
    ['13-digit Visa', '4222222222222'],
    ['19-digit number', '4000000000000000006'],
    ['Persian digits', '۴۲۴۲۴۲۴۲۴۲۴۲۴۲۴۲'],
    ['Arabic-Indic digits', '٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢'],
  ])('accepts a %s', (_name, digits) => {
    expect(passesLuhn(digits)).toBe(true);
  });

  it.each([
    ['a card with its last digit changed', '4242424242424241'],
    ['a counting order number', '1234567890123'],
    ['a card with a CVV glued on', '4242424242424242123'],
    ['letters', 'abcdabcdabcdabcd'],
  ])('rejects %s', (_name, digits) => {
    expect(passesLuhn(digits)).toBe(false);
  });
});

describe('maskCardNumber', () => {
  it.each([
    ['4242424242424242', '**** **** **** 4242'],
    ['378282246310005', '**** **** **** 0005'],
    ['4222222222222', '**** **** **** 2222'],
  ])('keeps only the last four digits of %s', (digits, masked) => {
    expect(maskCardNumber(digits)).toBe(masked);
  });
});

describe('maskPhone', () => {
  it.each([
    ['555-123-4567', '***-***-**67'],
    ['+49 30 1234567', '+** ** *****67'],
    ['(555) 123-4567', '(***) ***-**67'],
    ['۰۹۱۲ ۳۴۵ ۶۷۸۹', '**** *** **۸۹'],
  ])('masks %s as %s, separators kept', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('maskSensitiveText', () => {
  const masked: [string, string, string][] = [
    // Emails
    ['an email', 'Contact jane.doe@example.com today', 'Contact j***@***.com today'],
    ['an email at the end of a sentence', 'Email: jane@example.co.uk.', 'Email: j***@***.uk.'],
    ['an email with a plus tag', 'sent to jane+orders@shop.example.com', 'sent to j***@***.com'],
    ['an email in Chinese text', '请联系张伟：zhang.wei@example.cn，谢谢', '请联系张伟：z***@***.cn，谢谢'],
    ['an email in Persian text', 'ایمیل من ali.rezaei@example.ir است', 'ایمیل من a***@***.ir است'],
    ['an email in Russian text', 'Почта: ivan.petrov@example.ru, спасибо', 'Почта: i***@***.ru, спасибо'],
    ['an email with a Cyrillic domain', 'почта@пример.рф', 'п***@***.рф'],
    // Cards
    ['a card grouped by spaces', 'Card 4242 4242 4242 4242', 'Card **** **** **** 4242'],
    ['a card grouped by dashes', 'Card 4242-4242-4242-4242', 'Card **** **** **** 4242'],
    ['a card without grouping', 'Card 4242424242424242.', 'Card **** **** **** 4242.'],
    ['an Amex card grouped 4-6-5', 'Amex 3782 822463 10005', 'Amex **** **** **** 0005'],
    ['a 13-digit card', 'Visa 4222222222222', 'Visa **** **** **** 2222'],
    ['a 19-digit card', 'Card 4000 0000 0000 0000 006', 'Card **** **** **** 0006'],
    ['a card followed by its expiry date', 'Card 4242424242424242 12/28', 'Card **** **** **** 4242 12/28'],
    ['a grouped card followed by its expiry date', 'Card 4242 4242 4242 4242 12/28', 'Card **** **** **** 4242 12/28'],
    ['a card after a quantity', 'Qty 2 4242 4242 4242 4242', 'Qty 2 **** **** **** 4242'],
    ['a card after another group of digits', '1234 4242 4242 4242 4242', '1234 **** **** **** 4242'],
    ['two cards side by side', '4111111111111111 5555555555554444', '**** **** **** 1111 **** **** **** 4444'],
    ['a card glued to Chinese text', '卡号4242424242424242已保存', '卡号**** **** **** 4242已保存'],
    ['a card in Arabic-Indic digits', 'رقم البطاقة ٤٢٤٢ ٤٢٤٢ ٤٢٤٢ ٤٢٤٢', 'رقم البطاقة **** **** **** ٤٢٤٢'],
    ['a card in Persian digits', 'کارت ۴۲۴۲ ۴۲۴۲ ۴۲۴۲ ۴۲۴۲', 'کارت **** **** **** ۴۲۴۲'],
    // Phones
    ['a US phone with area code in brackets', 'Call (555) 123-4567', 'Call (***) ***-**67'],
    ['a US phone with country code', 'Call +1 (555) 123-4567', 'Call +* (***) ***-**67'],
    ['a dashed US phone', '555-123-4567', '***-***-**67'],
    ['a dotted US phone', '555.123.4567', '***.***.**67'],
    ['a German phone with a long last group', 'Tel. +49 30 1234567', 'Tel. +** ** *****67'],
    ['a German national number', 'Tel. 030 12345678', 'Tel. *** ******78'],
    ['a UK mobile', 'Mobile 07911 123456', 'Mobile ***** ****56'],
    ['a UK number in groups', '+44 20 7183 8750', '+** ** **** **50'],
    ['an international number without spaces', '+442071838750', '+**********50'],
    ['a French mobile', '06 12 34 56 78', '** ** ** ** 78'],
    ['a French mobile with country code', '+33 6 12 34 56 78', '+** * ** ** ** 78'],
    ['a Spanish mobile in groups of three', 'Móvil 612 345 678', 'Móvil *** *** *78'],
    ['a national mobile in one run starting with 0', 'Mobil 01711234567', 'Mobil *********67'],
    ['a Russian phone', 'Телефон: +7 495 123-45-67', 'Телефон: +* *** ***-**-67'],
    ['a Chinese phone in Chinese text', '电话：010-1234-5678。', '电话：***-****-**78。'],
    ['a Persian mobile in Persian digits, grouped', 'شماره ۰۹۱۲ ۳۴۵ ۶۷۸۹', 'شماره **** *** **۸۹'],
    ['a Persian mobile in Persian digits, one run', 'شماره ۰۹۱۲۳۴۵۶۷۸۹', 'شماره *********۸۹'],
    ['an Arabic phone in Arabic-Indic digits', 'هاتف ٠٥٠ ١٢٣ ٤٥٦٧', 'هاتف *** *** **٦٧'],
    // Several kinds in one string
    [
      'a card, a second card, an email and a phone in one string',
      'Card 4242 4242 4242 4242, backup 5555-5555-5555-4444, mail a@b.io, call 555-123-4567',
      'Card **** **** **** 4242, backup **** **** **** 4444, mail a***@***.io, call ***-***-**67',
    ],
    [
      'an email and a phone in Chinese text',
      '请联系张伟：zhang.wei@example.cn，电话 138 0013 8000。',
      '请联系张伟：z***@***.cn，电话 *** **** **00。',
    ],
    [
      'an email and a Persian-digit phone in Persian text',
      'ایمیل من ali.rezaei@example.ir است و شماره ۰۹۱۲ ۳۴۵ ۶۷۸۹',
      'ایمیل من a***@***.ir است و شماره **** *** **۸۹',
    ],
    [
      'a phone and an email in Russian text',
      'Позвоните: +7 495 123-45-67, почта ivan@example.ru',
      'Позвоните: +* *** ***-**-67, почта i***@***.ru',
    ],
    // Deliberately eager (see the module comment): these cannot be told from personal data.
    ['a dash-grouped order number, which reads like a phone', 'Order 1234-5678-9012', 'Order ****-****-**12'],
    ['a Luhn-valid 16-digit order number, which reads like a card', 'Order 4242424242424242', 'Order **** **** **** 4242'],
    ['a big amount with no currency sign next to it', 'Rp 12.500.000', 'Rp **.***.*00'],
    ['a reference that starts with a date but goes on', 'Ref 2026-11-25-0042', 'Ref ****-**-**-**42'],
    [
      'a row of two-digit sizes, shaped like a French phone number',
      'Sizes 36 37 38 39 40 41 42 43 44 45',
      'Sizes ** ** ** ** 40 ** ** ** ** 45',
    ],
  ];

  it.each(masked)('masks %s', (_name, text, expected) => {
    expect(maskSensitiveText(text)).toBe(expected);
  });

  it.each(masked)('leaves %s unchanged when masked twice', (_name, text) => {
    const once = maskSensitiveText(text);
    expect(maskSensitiveText(once)).toBe(once);
  });

  it.each([
    ['a euro price', 'Total €34.00'],
    ['a price after the amount', 'Total 34,00 €'],
    ['a dollar price with thousands', 'Price $1,299.99'],
    ['a European price with thousands dots', 'Preis: 1.299,00 €'],
    ['a large European amount with decimals', 'Total 12.345.678,90'],
    ['a large European amount with a currency sign', '12.345.678,90 €'],
    ['a rouble amount grouped by spaces', 'Итого: 12 345 678 ₽'],
    ['an amount with the currency sign first', '€ 12 345 678'],
    ['a total in an English sentence', 'Your total is 1,234.56 EUR'],
    ['an ISO date', 'Delivery on 2026-11-25'],
    ['an ISO date followed by a time', 'Placed 2026-11-25 10:00'],
    ['an ISO date and time', 'Placed 2026-11-25T10:00:00Z'],
    ['a dotted date', 'Lieferung am 25.11.2026 um 10:00'],
    ['a dotted date ending a sentence', 'Geliefert am 25.11.2026.'],
    ['a slashed date', 'Delivered 11/25/2026'],
    ['an ISO date in Persian digits', 'تاریخ ۲۰۲۶-۱۱-۲۵'],
    ['a time range', 'Open 10:00-12:00'],
    ['a short order number', 'Order #12345'],
    ['an 8-digit order number', 'Order #12345678'],
    ['a bare 10-digit order number (no +, no leading 0, no grouping)', 'Order 1234567890'],
    ['a 13-digit order number that fails Luhn', 'Order 1234567890123'],
    ['a 24-digit serial, too long to be a card', 'Serial 123456789012345678901234'],
    ['a postcode', 'Zip 10115 Berlin'],
    ['a UK postcode', 'SW1A 1AA London'],
    ['a list of single digits', 'Qty 1 2 3 4 5 6 7'],
    ['single digits whose run passes Luhn, which no card is written as', 'Rate 4 2 4 2 4 2 4 2 4 2 4 2 4 2 4 2'],
    ['a version number', 'Version 1.2.3.4'],
    ['an ISBN', 'ISBN 978-3-16-148410-0'],
    ['a tracking code with letters', 'Tracking 1Z999AA10123456784'],
    ['a short number in Persian digits', 'سفارش ۱۲۳۴۵'],
    ['Chinese text with a year', '2026年双十一活动'],
    ['plain text', 'Add to cart'],
    ['an empty string', ''],
  ])('keeps %s', (_name, text) => {
    expect(maskSensitiveText(text)).toBe(text);
  });

  it('never leaks the first 12 digits of a card number, however it is grouped and wherever it sits', () => {
    const words = fc.stringMatching(/^[A-Za-zА-я一-龥 ,.:]{0,12}$/);
    const card = fc
      .tuple(fc.integer({ min: 13, max: 19 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }))
      .map(([length, digits]) => {
        const body = `4${digits.join('')}`.slice(0, length - 1);
        return body + luhnCheckDigit(body);
      });
    const separator = fc.constantFrom('', ' ', '-');
    fc.assert(
      fc.property(words, card, separator, words, (before, digits, sep, after) => {
        const grouped = digits.match(/.{1,4}/g)!.join(sep);
        const out = maskSensitiveText(`${before} ${grouped} ${after}`);
        expect(out.replace(/[ -]/g, '')).not.toContain(digits.slice(0, 12));
        expect(out).toContain(`**** **** **** ${digits.slice(-4)}`);
      }),
    );
  });

  it('never changes a price written with a currency sign and cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom('€', '$', '£', '₽', '¥'), (cents, sign) => {
        const price = `${sign}${(cents / 100).toFixed(2)}`;
        expect(maskSensitiveText(`Total: ${price}`)).toBe(`Total: ${price}`);
      }),
    );
  });
});
