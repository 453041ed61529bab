package com.goodfit.sync.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * A custom field to create through the Tooling API.
 *
 * @param fullName {@code Object.Field__c}, e.g. {@code Account.Employees_GoodFit__c}
 * @param metadata the field's metadata, e.g. {@code {"label":"Employees (GoodFit)","type":"Number","precision":18,
 * "scale":0}}
 */
public record CustomFieldSpec(String fullName, Map<String, Object> metadata) {

    public CustomFieldSpec {
        Assert.isTrue(fullName != null && fullName.matches("[A-Za-z][A-Za-z0-9_]*\\.[A-Za-z][A-Za-z0-9_]*__c"),
                () -> "fullName '%s' must look like Account.Field_Name__c".formatted(fullName));
        Assert.isTrue(metadata.containsKey("label") && metadata.containsKey("type"),
                "metadata needs at least label and type");
        metadata = Map.copyOf(new LinkedHashMap<>(metadata));
    }

}
