package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of writing one record: its Id, whether it succeeded, its errors and, for upserts, whether it was
 * created.
 */
record SaveResult(@Nullable String id, boolean success, List<SaveError> errors, boolean created) {

    SaveResult {
        errors = List.copyOf(errors);
    }

    static SaveResult ok(String id, boolean created) {
        return new SaveResult(id, true, List.of(), created);
    }

    static SaveResult failed(@Nullable String id, SaveError error) {
        return new SaveResult(id, false, List.of(error), false);
    }

    SaveError firstError() {
        return this.errors.get(0);
    }

    Map<String, Object> toJson(boolean withCreated) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", this.id);
        json.put("success", this.success);
        List<Object> errorJson = new ArrayList<>(this.errors.size());
        for (SaveError error : this.errors) {
            errorJson.add(error.toJson());
        }
        json.put("errors", errorJson);
        if (withCreated) {
            json.put("created", this.created);
        }
        return json;
    }

}
