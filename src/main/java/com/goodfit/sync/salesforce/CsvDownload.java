package com.goodfit.sync.salesforce;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Downloads a CSV result and hands its rows to a consumer as they arrive. The request is retried like any call
 * until its status is good; once rows have been handed out, a broken-off body is not retried (the consumer would
 * see rows twice) but fails with {@link SalesforceTransientException}.
 */
final class CsvDownload {

    private CsvDownload() {
    }

    /**
     * @param uri builds the URI inside the call, so that a refreshed instance URL is used
     * @return the response headers (e.g. {@code Sforce-Locator})
     */
    static HttpHeaders fetch(SalesforceTransport transport, Supplier<URI> uri, Consumer<Map<String, String>> rows) {
        try {
            return transport.call(() -> {
                URI target = uri.get();
                return transport.rest()
                    .get()
                    .uri(target)
                    .accept(MediaType.parseMediaType("text/csv"))
                    .exchange((request, response) -> {
                        transport.errors().throwIfError(target, HttpMethod.GET, response);
                        HttpHeaders headers = HttpHeaders.copyOf(response.getHeaders());
                        try {
                            BulkCsv.read(response.getBody(), rows);
                        }
                        catch (UncheckedIOException ex) {
                            throw new BrokenOff(ex);
                        }
                        return headers;
                    });
            });
        }
        catch (BrokenOff ex) {
            throw new SalesforceTransientException("CSV result broke off: " + ex.getCause().getMessage(), 0, null, ex);
        }
    }

    /** Not a {@link SalesforceTransientException}, so that the retry lets it through. */
    private static final class BrokenOff extends RuntimeException {

        BrokenOff(UncheckedIOException cause) {
            super(cause.getMessage(), cause);
        }

    }

}
