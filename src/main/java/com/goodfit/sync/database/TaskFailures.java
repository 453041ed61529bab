package com.goodfit.sync.database;

/**
 * What a task run on another thread threw, to throw again on the thread that waited for it: the task's own exception
 * rather than the {@code ExecutionException} or {@code CompletionException} around it, so that callers and tests see
 * the failure as the task raised it. An {@link Error} is thrown at once.
 */
public final class TaskFailures {

    private TaskFailures() {
    }

    /**
     * @param wrapper the exception the wait threw
     * @param what what failed, for a checked exception that has to be wrapped
     * @return the task's unchecked exception, or its checked one wrapped in an {@link IllegalStateException}
     */
    public static RuntimeException unchecked(Exception wrapper, String what) {
        Throwable cause = causeOf(wrapper);
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(what, cause);
    }

    /**
     * For callers that may throw checked exceptions (readers, processors).
     * @param wrapper the exception the wait threw
     * @return the task's exception, checked or not
     */
    public static Exception asThrown(Exception wrapper) {
        Throwable cause = causeOf(wrapper);
        if (cause instanceof Exception exception) {
            return exception;
        }
        return new IllegalStateException(cause);
    }

    private static Throwable causeOf(Exception wrapper) {
        Throwable cause = (wrapper.getCause() != null) ? wrapper.getCause() : wrapper;
        if (cause instanceof Error error) {
            throw error;
        }
        return cause;
    }

}
