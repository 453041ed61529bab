package com.goodfit.sync.source;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import com.goodfit.sync.source.DomainIdentities.DomainIdentity;

/**
 * Builds the contacts of a company: people with e-mails at the company's site, in every shape and mistake CRM
 * contact data has. A company that duplicates another shares many of its people (and so their e-mails).
 */
final class SampleContacts {

    private static final List<String> INVALID_EMAILS = List.of("%s@@%3$s", "%s", "%s@", "@%2$s", "%1$s @%2$s",
            "%s@%3$s", "%s..x@%s", "%s@localhost", "%s@%s@%s", "mailto:%s", "%s@%3$s,com");

    private static final List<String> PERSONAL_DOMAINS = List.of("gmail.com", "yahoo.com", "outlook.com",
            "hotmail.co.uk", "gmx.de", "icloud.com");

    private static final List<String> MAILBOXES = List.of("info", "sales", "contact", "office", "hello");

    private static final List<String> UNKNOWN_SENIORITIES = List.of("Intern", "Sr.", "vp", "Head", "Partner",
            "c-level", "Executive", "Board Member");

    private final RowRandom rowRandom;

    private final SampleVocabulary vocabulary;

    private final DomainIdentities identities;

    private final SampleDataSpec spec;

    SampleContacts(RowRandom rowRandom, SampleVocabulary vocabulary, DomainIdentities identities,
            SampleDataSpec spec) {
        this.rowRandom = rowRandom;
        this.vocabulary = vocabulary;
        this.identities = identities;
        this.spec = spec;
    }

    /**
     * How many contacts a company has: between 0 and twice the average. Companies come in pairs whose counts
     * add up to twice the average, so the total is exact.
     */
    int countOf(long companyId) {
        int average = this.spec.contactsPerCompany();
        long pair = (companyId + 1) / 2;
        if (average == 0 || pair * 2 > this.spec.companies()) {
            return average;
        }
        int deviation = this.rowRandom.of(pair, RowRandom.CONTACT_COUNT).nextInt(2 * average + 1) - average;
        return (companyId % 2 == 1) ? average + deviation : average - deviation;
    }

    /** The contacts of one company, numbered from {@code firstId}. */
    List<SampleContact> of(long companyId, long firstId) {
        int count = countOf(companyId);
        List<SampleContact> contacts = new ArrayList<>(count);
        if (count == 0) {
            return contacts;
        }
        DomainIdentity identity = this.identities.of(companyId);
        long duplicateOf = this.identities.duplicateOf(companyId);
        List<SampleContact> shared = (duplicateOf != 0) ? of(duplicateOf, 0) : List.of();
        SplittableRandom random = this.rowRandom.of(companyId, RowRandom.CONTACTS);
        for (int i = 0; i < count; i++) {
            long id = firstId + i;
            SampleContact contact = (i < shared.size() && random.nextBoolean())
                    ? copy(random, shared.get(i), id, companyId)
                    : person(random, id, companyId, identity, contacts.isEmpty() ? null : contacts.get(i - 1));
            contacts.add(contact);
        }
        return contacts;
    }

    private SampleContact copy(SplittableRandom random, SampleContact person, long id, long companyId) {
        Set<MessKind> mess = EnumSet.noneOf(MessKind.class);
        mess.addAll(person.mess());
        String email = person.email();
        if (email != null && !person.mess().contains(MessKind.INVALID_EMAIL)) {
            mess.add(MessKind.DUPLICATE_EMAIL);
            email = random.nextBoolean() ? email : email.toLowerCase(Locale.ROOT);
        }
        return new SampleContact(id, companyId, email, person.firstName(), person.lastName(), person.title(),
                person.seniority(), person.department(), person.phone(), person.linkedinUrl(),
                SampleCompanies.updatedAt(random), mess);
    }

    private SampleContact person(SplittableRandom random, long id, long companyId, DomainIdentity identity,
            @Nullable SampleContact previous) {
        Set<MessKind> mess = EnumSet.noneOf(MessKind.class);
        String firstName = firstName(random);
        String lastName = lastName(random, mess);
        String first = asciiWord(firstName, random);
        String last = asciiWord(lastName, random);
        String email = email(random, first, last, identity, previous, mess);
        return new SampleContact(id, companyId, email, firstName, lastName, title(random, mess),
                seniority(random, mess), department(random), phone(random), linkedin(random, first, last),
                SampleCompanies.updatedAt(random), mess);
    }

    private @Nullable String firstName(SplittableRandom random) {
        int roll = random.nextInt(1000);
        if (roll < 10) {
            return null;
        }
        if (roll < 80) {
            return RowRandom.pick(random, this.vocabulary.unicodeFirstNames());
        }
        String name = RowRandom.pick(random, this.vocabulary.firstNames());
        return (roll < 100) ? name.toLowerCase(Locale.ROOT) : (roll < 110) ? name.toUpperCase(Locale.ROOT) : name;
    }

    private @Nullable String lastName(SplittableRandom random, Set<MessKind> mess) {
        int roll = random.nextInt(1000);
        if (roll < 30) {
            mess.add(MessKind.MISSING_LAST_NAME);
            return (roll < 20) ? null : (roll < 25) ? "" : "  ";
        }
        if (roll < 31) {
            mess.add(MessKind.OVERLONG_STRING);
            StringBuilder name = new StringBuilder(RowRandom.pick(random, this.vocabulary.lastNames()));
            while (name.length() <= 90) {
                name.append('-').append(RowRandom.pick(random, this.vocabulary.lastNames()));
            }
            return name.toString();
        }
        if (roll < 100) {
            return RowRandom.pick(random, this.vocabulary.unicodeLastNames());
        }
        return RowRandom.pick(random, this.vocabulary.lastNames());
    }

    private String email(SplittableRandom random, String first, String last, DomainIdentity identity,
            @Nullable SampleContact previous, Set<MessKind> mess) {
        int roll = random.nextInt(1000);
        if (previous != null && previous.email() != null && roll < 15
                && !previous.mess().contains(MessKind.INVALID_EMAIL)) {
            mess.add(MessKind.DUPLICATE_EMAIL);
            return previous.email().toUpperCase(Locale.ROOT);
        }
        String domain = identity.asciiHost();
        if (roll < 65) {
            mess.add(MessKind.INVALID_EMAIL);
            if (roll < 35) {
                return (roll < 28) ? null : (roll < 32) ? "" : " ";
            }
            return format(RowRandom.pick(random, INVALID_EMAILS), first + "." + last, domain, identity.asciiLabel());
        }
        if (roll < 66) {
            mess.add(MessKind.OVERLONG_STRING);
            return (first + "." + last + ".").repeat(1 + 90 / (first.length() + last.length() + 2)) + "x@" + domain;
        }
        String local = local(random, first, last);
        if (roll < 110) {
            domain = RowRandom.pick(random, PERSONAL_DOMAINS);
        }
        String email = local + "@" + domain;
        int casing = random.nextInt(100);
        if (casing < 8) {
            return capitalise(first) + "." + capitalise(last) + "@" + capitalise(domain);
        }
        if (casing < 10) {
            return email.toUpperCase(Locale.ROOT);
        }
        return (casing < 12) ? " " + email + " " : email;
    }

    private String local(SplittableRandom random, String first, String last) {
        int form = random.nextInt(100);
        if (form < 45) {
            return first + "." + last;
        }
        if (form < 60) {
            return first.charAt(0) + last;
        }
        if (form < 70) {
            return first;
        }
        if (form < 75) {
            return first + "_" + last;
        }
        if (form < 80) {
            return first + last.charAt(0);
        }
        if (form < 85) {
            return last + "." + first;
        }
        if (form < 93) {
            return first + "." + last + (1 + random.nextInt(99));
        }
        return RowRandom.pick(random, MAILBOXES);
    }

    private @Nullable String title(SplittableRandom random, Set<MessKind> mess) {
        int roll = random.nextInt(1000);
        if (roll < 40) {
            return null;
        }
        String title = RowRandom.pick(random, this.vocabulary.titles());
        if (roll < 43) {
            mess.add(MessKind.OVERLONG_STRING);
            StringBuilder longTitle = new StringBuilder(title);
            while (longTitle.length() < 300) {
                longTitle.append(" & ").append(RowRandom.pick(random, this.vocabulary.titles()));
            }
            return longTitle.toString();
        }
        return title;
    }

    private @Nullable String seniority(SplittableRandom random, Set<MessKind> mess) {
        int roll = random.nextInt(1000);
        if (roll < 100) {
            return null;
        }
        if (roll < 115) {
            mess.add(MessKind.UNKNOWN_PICKLIST_VALUE);
            return RowRandom.pick(random, UNKNOWN_SENIORITIES);
        }
        return RowRandom.pick(random, this.spec.seniorities());
    }

    private @Nullable String department(SplittableRandom random) {
        return RowRandom.chance(random, 0.08) ? null : RowRandom.pick(random, this.vocabulary.departments());
    }

    private static @Nullable String phone(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return null;
        }
        int area = 201 + random.nextInt(780);
        int exchange = 200 + random.nextInt(800);
        int line = random.nextInt(10_000);
        int extension = 1 + random.nextInt(999);
        // Locale.ROOT: digits must not follow the machine's locale, or runs would differ between machines.
        return switch (roll % 12) {
            case 0 -> format("(%d) %d-%04d", area, exchange, line);
            case 1 -> format("%d-%d-%04d", area, exchange, line);
            case 2 -> format("%d.%d.%04d", area, exchange, line);
            case 3 -> format("+1 %d %d %04d", area, exchange, line);
            case 4 -> format("+1%d%d%04d", area, exchange, line);
            case 5 -> format("%d%d%04d", area, exchange, line);
            case 6 -> format("+44 20 %04d %04d", exchange * 10 % 10_000, line);
            case 7 -> format("+49 (0)30 %d%04d", exchange, line);
            case 8 -> format("+33 1 %02d %02d %02d %02d", area % 100, exchange % 100, line / 100, line % 100);
            case 9 -> format("%d-%d-%04d x%d", area, exchange, line, extension);
            case 10 -> format("+81 3-%04d-%04d", exchange, line);
            default -> (roll < 20) ? "n/a" : format("+1 (%d) %d-%04d ext. %d", area, exchange, line, extension % 100);
        };
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private static @Nullable String linkedin(SplittableRandom random, String first, String last) {
        int roll = random.nextInt(100);
        if (roll < 25) {
            return null;
        }
        String handle = first + "-" + last + "-" + Long.toHexString(random.nextLong(0x1000000L, 0x10000000L));
        return (roll < 30) ? "linkedin.com/in/" + handle : (roll < 33) ? "http://uk.linkedin.com/in/" + handle
                : "https://www.linkedin.com/in/" + handle;
    }

    /** A lower-case ASCII form of a name for e-mail addresses; names with no Latin letters get a stand-in. */
    private String asciiWord(@Nullable String name, SplittableRandom random) {
        String word = (name != null) ? latin(name) : "";
        return word.isEmpty() ? latin(RowRandom.pick(random, this.vocabulary.lastNames())) : word;
    }

    private static String latin(String name) {
        String folded = name;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 127) {
                folded = Normalizer.normalize(name, Normalizer.Form.NFD);
                break;
            }
        }
        StringBuilder word = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = Character.toLowerCase(folded.charAt(i));
            if (c >= 'a' && c <= 'z') {
                word.append(c);
            }
        }
        return word.toString();
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

}
