package se.coop.query.readmodel;

import java.util.List;

/** A read model: the name of its processing group, and the tables it alone writes. */
public interface ReadModel {

    String name();

    List<String> tables();
}
