package io.newsctl.model;

/** What kind of thing an {@link Entity} names. */
public enum EntityType {
    COMPANY,
    CHIP,
    PERSON,
    PLACE,
    ORGANIZATION,
    PRODUCT
}
