package com.goodfit.sync.admin;

import com.goodfit.sync.mapping.JobDefinitionException;
import com.goodfit.sync.source.filter.FilterException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns bad input into a 400 (404 for an unknown execution, 409 for a job already running) with a JSON body naming
 * the problem: {@code {"error": "..."}}.
 */
@RestControllerAdvice(assignableTypes = AdminApiController.class)
@ConditionalOnWebApplication
class AdminApiErrors {

    @ExceptionHandler(FilterException.class)
    ResponseEntity<ApiError> filter(FilterException ex) {
        return error(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @ExceptionHandler(JobDefinitionException.class)
    ResponseEntity<ApiError> definition(JobDefinitionException ex) {
        return error(HttpStatus.BAD_REQUEST, String.join("; ", ex.problems()));
    }

    @ExceptionHandler(AdminApiController.BadRequestException.class)
    ResponseEntity<ApiError> badRequest(AdminApiController.BadRequestException ex) {
        return error(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @ExceptionHandler(AdminApiController.NotFoundException.class)
    ResponseEntity<ApiError> notFound(AdminApiController.NotFoundException ex) {
        return error(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler(AdminApiController.ConflictException.class)
    ResponseEntity<ApiError> conflict(AdminApiController.ConflictException ex) {
        return error(HttpStatus.CONFLICT, ex.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        String detail = (cause instanceof tools.jackson.core.JacksonException jackson) ? jackson.getOriginalMessage()
                : "the body is not the JSON expected";
        return error(HttpStatus.BAD_REQUEST, "bad request body: " + detail);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException ex) {
        return error(HttpStatus.BAD_REQUEST, "'" + ex.getName() + "' must be a "
                + ((ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                        : "different value")
                + ", was '" + ex.getValue() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException ex) {
        return error(HttpStatus.BAD_REQUEST, "'" + ex.getParameterName() + "' is required");
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new ApiError(message));
    }

    /**
     * The body of every error answer.
     *
     * @param error what was wrong, for the person who sent the request
     */
    record ApiError(String error) {
    }

}
