package com.goodfit.sync.mapping;

import java.util.List;

/**
 * Checks that a job maps what its modes need: the match keys (the domain for Accounts, the email for Contacts)
 * and the fields Salesforce requires to create a record.
 */
final class RequiredMappings {

    private final Problems problems;

    private final YamlSection top;

    RequiredMappings(Problems problems, YamlSection top) {
        this.problems = problems;
        this.top = top;
    }

    void check(AccountMode accountMode, List<FieldMapping> accounts, ContactMode contactMode,
            List<FieldMapping> contacts) {
        if (!maps(accounts, "domain")) {
            report("accounts", "accounts must map source 'domain' (its first target, e.g. Website, is the "
                    + "match key for finding existing Accounts)");
        }
        if (accountMode == AccountMode.CREATE_AND_UPDATE && !targets(accounts, "Name")) {
            report("accounts", "creating Accounts needs a mapping to Name (Salesforce requires it): map source "
                    + "'name' to Name, or set modes.accounts to update-only");
        }
        if (contactMode == ContactMode.DISABLED) {
            return;
        }
        if (!maps(contacts, "email")) {
            report("contacts", "contacts must map source 'email' (the match key for finding existing Contacts), "
                    + "or set modes.contacts to disabled");
        }
        if (contactMode == ContactMode.CREATE_AND_UPDATE && !targets(contacts, "LastName")) {
            report("contacts", "creating Contacts needs a mapping to LastName (Salesforce requires it): map source "
                    + "'last_name' to LastName, or set modes.contacts to update-only");
        }
    }

    private void report(String section, String message) {
        this.problems.add(this.top.node(section).orElse(this.top.node()), message);
    }

    private static boolean maps(List<FieldMapping> mappings, String source) {
        return mappings.stream().anyMatch(mapping -> mapping.source().equals(source) && !mapping.targets().isEmpty());
    }

    private static boolean targets(List<FieldMapping> mappings, String field) {
        return MappingsReader.targetsOf(mappings).stream().anyMatch(field::equalsIgnoreCase);
    }

}
