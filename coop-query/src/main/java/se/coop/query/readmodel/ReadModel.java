package se.coop.query.readmodel;

import java.util.List;

/** A read model: the name of its processing group, and the tables it alone writes. */
public interface ReadModel {

    String name();

    List<String> tables();

    /** Called when a rebuild's replay has caught up, before queries read the rebuilt tables. */
    default void rebuilt() {}
}
