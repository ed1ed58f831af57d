package io.newsctl.api;

import java.util.List;

/** Configured API keys and the role of each; {@link ApiKeyValidator} accepts the keys of every source. */
public interface ApiKeySource {

    /**
     * @param key  the key, plain or {@code sha256:<hex>} of it (so configuration need not hold it)
     * @param role {@link Roles#READER}, {@link Roles#ANALYST} or {@link Roles#ADMIN}
     */
    record Entry(String key, String role) {
        @Override
        public String toString() {
            return "Entry[key=***, role=" + role + "]";
        }
    }

    List<Entry> keys();
}
