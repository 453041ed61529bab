package com.goodfit.sync.matching;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Many short strings (Salesforce Ids) packed into pages of bytes, each string addressed by an int reference. A
 * String costs some 40 bytes of headers besides its characters; here an 18-character Id costs 19 bytes, which is
 * what lets an index of millions of records fit a small heap. Append-only.
 */
final class StringArena {

    /**
     * Bytes a page holds; a string never spans two pages. Small enough not to be a humongous object for G1 (half a
     * region or more, and regions are at least 1 MB), which would take two regions for a page of one megabyte.
     */
    static final int PAGE_SIZE = 1 << 18;

    /** Longest string in UTF-8 bytes: its length is stored in one or two bytes. */
    static final int MAX_LENGTH = 0x7FFF;

    private final List<byte[]> pages = new ArrayList<>();

    private int used = PAGE_SIZE;

    /**
     * @param value the string to store
     * @return its reference
     */
    int add(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a string of " + bytes.length + " bytes is too long for the arena");
        }
        int header = (bytes.length < 0x80) ? 1 : 2;
        if (this.used + header + bytes.length > PAGE_SIZE) {
            if (this.pages.size() == (Integer.MAX_VALUE / PAGE_SIZE) + 1) {
                throw new IllegalStateException("the arena is full (2 GB)");
            }
            this.pages.add(new byte[PAGE_SIZE]);
            this.used = 0;
        }
        int reference = (this.pages.size() - 1) * PAGE_SIZE + this.used;
        byte[] page = this.pages.get(this.pages.size() - 1);
        if (header == 1) {
            page[this.used++] = (byte) bytes.length;
        }
        else {
            page[this.used++] = (byte) (0x80 | (bytes.length >>> 8));
            page[this.used++] = (byte) bytes.length;
        }
        System.arraycopy(bytes, 0, page, this.used, bytes.length);
        this.used += bytes.length;
        return reference;
    }

    /** @return the string stored under the reference */
    String get(int reference) {
        byte[] page = this.pages.get(reference / PAGE_SIZE);
        int at = reference % PAGE_SIZE;
        int length = lengthAt(page, at);
        return new String(page, at + headerAt(page, at), length, StandardCharsets.UTF_8);
    }

    /**
     * @param reference a stored string
     * @param utf8 another string's UTF-8 bytes
     * @return whether they are the same string (compared without building a String)
     */
    boolean equalsAt(int reference, byte[] utf8) {
        byte[] page = this.pages.get(reference / PAGE_SIZE);
        int at = reference % PAGE_SIZE;
        int length = lengthAt(page, at);
        int from = at + headerAt(page, at);
        return Arrays.equals(page, from, from + length, utf8, 0, utf8.length);
    }

    private static int headerAt(byte[] page, int at) {
        return ((page[at] & 0x80) == 0) ? 1 : 2;
    }

    private static int lengthAt(byte[] page, int at) {
        return ((page[at] & 0x80) == 0) ? page[at] : ((page[at] & 0x7F) << 8) | (page[at + 1] & 0xFF);
    }

}
