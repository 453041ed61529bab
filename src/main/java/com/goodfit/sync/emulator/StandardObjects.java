package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.List;

import static com.goodfit.sync.emulator.FieldDefinition.builder;

/**
 * The catalogue of standard objects the emulator serves, with the fields and flags a real org's describe shows
 * for them (trimmed to what the connector touches).
 */
final class StandardObjects {

    static final String GOODFIT_ID = "GoodFit_ID__c";

    private StandardObjects() {
    }

    static List<SObjectType> create(boolean withGoodFitId) {
        return List.of(account(withGoodFitId), contact(withGoodFitId), permissionSet(), fieldPermissions(),
                permissionSetAssignment(), user());
    }

    private static SObjectType account(boolean withGoodFitId) {
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(builder("Id", FieldType.ID).label("Account ID").length(18).system().idLookup().build());
        fields.add(builder("IsDeleted", FieldType.BOOLEAN).label("Deleted").system().build());
        fields.add(builder("Name", FieldType.STRING).label("Account Name").length(255).required().idLookup().build());
        fields.add(builder("Type", FieldType.PICKLIST).label("Account Type").length(255)
            .picklist(false, "Prospect", "Customer - Direct", "Customer - Channel", "Channel Partner / Reseller",
                    "Installation Partner", "Technology Partner", "Other")
            .build());
        fields.add(builder("Website", FieldType.URL).length(255).build());
        fields.add(builder("Industry", FieldType.PICKLIST).length(255)
            .picklist(false, "Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals", "Communications",
                    "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering", "Entertainment",
                    "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare", "Hospitality",
                    "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit", "Recreation", "Retail",
                    "Shipping", "Technology", "Telecommunications", "Transportation", "Utilities", "Other")
            .build());
        fields.add(builder("NumberOfEmployees", FieldType.INT).label("Employees").number(8, 0).build());
        fields.add(builder("AnnualRevenue", FieldType.CURRENCY).label("Annual Revenue").number(18, 0).build());
        fields.add(builder("Phone", FieldType.PHONE).label("Account Phone").length(40).build());
        fields.add(builder("BillingStreet", FieldType.TEXTAREA).label("Billing Street").length(255).build());
        fields.add(builder("BillingCity", FieldType.STRING).label("Billing City").length(40).build());
        fields.add(builder("BillingState", FieldType.STRING).label("Billing State/Province").length(80).build());
        fields.add(builder("BillingPostalCode", FieldType.STRING).label("Billing Zip/Postal Code").length(20).build());
        fields.add(builder("BillingCountry", FieldType.STRING).label("Billing Country").length(80).build());
        fields.add(builder("Description", FieldType.TEXTAREA).label("Account Description").length(32000).build());
        addOwnedRecordFields(fields, withGoodFitId);
        return new SObjectType("Account", "Account", "001", fields);
    }

    private static SObjectType contact(boolean withGoodFitId) {
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(builder("Id", FieldType.ID).label("Contact ID").length(18).system().idLookup().build());
        fields.add(builder("IsDeleted", FieldType.BOOLEAN).label("Deleted").system().build());
        fields.add(builder("AccountId", FieldType.REFERENCE).label("Account ID").length(18)
            .reference("Account", "Account")
            .build());
        fields.add(builder("FirstName", FieldType.STRING).label("First Name").length(40).build());
        fields.add(builder("LastName", FieldType.STRING).label("Last Name").length(80).required().build());
        fields.add(builder("Name", FieldType.STRING).label("Full Name").length(121).readOnly().build());
        fields.add(builder("Email", FieldType.EMAIL).length(80).idLookup().build());
        fields.add(builder("Title", FieldType.STRING).length(128).build());
        fields.add(builder("Phone", FieldType.PHONE).label("Business Phone").length(40).build());
        fields.add(builder("Department", FieldType.STRING).length(80).build());
        fields.add(builder("Birthdate", FieldType.DATE).build());
        fields.add(builder("MailingCity", FieldType.STRING).label("Mailing City").length(40).build());
        fields.add(builder("MailingCountry", FieldType.STRING).label("Mailing Country").length(80).build());
        fields.add(builder("LeadSource", FieldType.PICKLIST).label("Lead Source").length(255)
            .picklist(false, "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other")
            .build());
        fields.add(builder("Description", FieldType.TEXTAREA).label("Contact Description").length(32000).build());
        addOwnedRecordFields(fields, withGoodFitId);
        return new SObjectType("Contact", "Contact", "003", fields);
    }

    private static SObjectType permissionSet() {
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(builder("Id", FieldType.ID).label("Permission Set ID").length(18).system().idLookup().build());
        fields.add(builder("IsDeleted", FieldType.BOOLEAN).label("Deleted").system().build());
        fields.add(builder("Name", FieldType.STRING).length(80).required().idLookup().build());
        fields.add(builder("Label", FieldType.STRING).length(80).required().build());
        fields.add(builder("Description", FieldType.TEXTAREA).length(255).build());
        addAudit(fields);
        return new SObjectType("PermissionSet", "Permission Set", "0PS", fields);
    }

    private static SObjectType fieldPermissions() {
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(builder("Id", FieldType.ID).label("Field Permissions ID").length(18).system().idLookup().build());
        fields.add(builder("IsDeleted", FieldType.BOOLEAN).label("Deleted").system().build());
        fields.add(builder("ParentId", FieldType.REFERENCE).label("Parent ID").length(18).required()
            .reference("PermissionSet", "Parent")
            .build());
        fields.add(builder("SobjectType", FieldType.PICKLIST).label("Sobject Type Name").length(40).required().build());
        fields.add(builder("Field", FieldType.PICKLIST).label("Field Name").length(255).required().build());
        fields.add(builder("PermissionsRead", FieldType.BOOLEAN).label("Read Access").defaulted().build());
        fields.add(builder("PermissionsEdit", FieldType.BOOLEAN).label("Edit Access").defaulted().build());
        addAudit(fields);
        return new SObjectType("FieldPermissions", "Field Permissions", "01k", fields);
    }

    private static SObjectType permissionSetAssignment() {
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(builder("Id", FieldType.ID).label("Permission Set Assignment ID").length(18).system().idLookup()
            .build());
        fields.add(builder("IsDeleted", FieldType.BOOLEAN).label("Deleted").system().build());
        fields.add(builder("AssigneeId", FieldType.REFERENCE).label("Assignee ID").length(18).required()
            .reference("User", "Assignee")
            .build());
        fields.add(builder("PermissionSetId", FieldType.REFERENCE).label("Permission Set ID").length(18).required()
            .reference("PermissionSet", "PermissionSet")
            .build());
        addAudit(fields);
        return new SObjectType("PermissionSetAssignment", "Permission Set Assignment", "0Pa", fields);
    }

    private static SObjectType user() {
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(builder("Id", FieldType.ID).label("User ID").length(18).system().idLookup().build());
        fields.add(builder("IsDeleted", FieldType.BOOLEAN).label("Deleted").system().build());
        fields.add(builder("Username", FieldType.STRING).length(80).required().idLookup().build());
        fields.add(builder("LastName", FieldType.STRING).label("Last Name").length(80).required().build());
        fields.add(builder("Name", FieldType.STRING).label("Full Name").length(121).readOnly().build());
        fields.add(builder("Email", FieldType.EMAIL).length(128).required().build());
        addAudit(fields);
        return new SObjectType("User", "User", "005", fields);
    }

    /** OwnerId, the audit fields and, unless the org lacks it, the GoodFit external id: shared by Account and Contact. */
    private static void addOwnedRecordFields(List<FieldDefinition> fields, boolean withGoodFitId) {
        fields.add(builder("OwnerId", FieldType.REFERENCE).label("Owner ID").length(18).defaulted().required()
            .reference("User", "Owner")
            .build());
        addAudit(fields);
        if (withGoodFitId) {
            fields.add(builder(GOODFIT_ID, FieldType.STRING).label("GoodFit ID").length(255).externalId(true, false)
                .build());
        }
    }

    private static void addAudit(List<FieldDefinition> fields) {
        fields.add(builder("CreatedDate", FieldType.DATETIME).label("Created Date").system().build());
        fields.add(builder("CreatedById", FieldType.REFERENCE).label("Created By ID").length(18).system()
            .reference("User", "CreatedBy")
            .build());
        fields.add(builder("LastModifiedDate", FieldType.DATETIME).label("Last Modified Date").system().build());
        fields.add(builder("LastModifiedById", FieldType.REFERENCE).label("Last Modified By ID").length(18).system()
            .reference("User", "LastModifiedBy")
            .build());
        fields.add(builder("SystemModstamp", FieldType.DATETIME).label("System Modstamp").system().build());
    }

}
