#!/usr/bin/env python3
"""Breaks a JFR recording's execution samples of Coop's command path into phases.

Usage: jfr print --events jdk.ExecutionSample --stack-depth 512 coop.jfr | python3 breakdown.py [from-hh:mm:ss to-hh:mm:ss]
Each sample is charged to its thread's kind; a request thread's sample to the deepest phase marker on its stack
(the phase that encloses the work the CPU was doing)."""
import re, sys
from collections import Counter

# (phase, frame prefixes) — deeper markers on a stack win over shallower ones
PHASES = [
    ("Tomcat and network", ("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat", "sun.nio", "java.nio")),
    ("Spring Security and sign-in cache", ("org.springframework.security", "se.coop.app.security")),
    ("Coop's request filters", ("se.coop.app.web",)),
    ("observation and metrics", ("io.micrometer", "org.springframework.security.web.ObservationFilterChainDecorator",
                                 "org.springframework.web.filter.ServerHttpObservationFilter")),
    ("Spring MVC (mapping, arguments, return)", ("org.springframework.web.servlet", "org.springframework.web.method",
                                                 "org.springframework.web.context", "org.springframework.web.util")),
    ("reads (the bench's status and list reads)", ("se.coop.query", "org.axonframework.queryhandling")),
    ("JSON binding and validation", ("org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor.readWithMessageConverters", "org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodArgumentResolver.readWithMessageConverters",
                                     "org.springframework.validation", "org.hibernate.validator", "jakarta.validation",
                                     "se.coop.command.web.IdempotencyStore.fingerprint")),
    ("JSON response", ("org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodProcessor.writeWithMessageConverters", "org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor.handleReturnValue")),
    ("dispatch and unit of work", ("org.axonframework.commandhandling", "org.axonframework.messaging.unitofwork",
                                   "org.axonframework.messaging.interceptors", "se.coop.command.web.CommandSender", "se.coop.command.web.CommandGuard",
                                   "org.axonframework.spring.messaging")),
    ("lock and idempotency record", ("se.coop.command.web.IdempotencyStore",)),
    ("aggregate load (read and replay)", ("org.axonframework.eventsourcing.EventSourcingRepository.doLoadWithLock",
                                          "org.axonframework.eventsourcing.eventstore.AbstractEventStore.readEvents",
                                          "org.axonframework.modelling.command.AbstractRepository.load")),
    ("command handler (rules)", ("se.coop.command.agreement.Agreement.handle", "se.coop.command.agreement.Agreement.<init>")),
    ("append: serialize, chain hash, insert", ("org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine.appendEvents",
                                               "se.coop.app.axon.ChainingAppendStatement", "se.coop.api.EventChain",
                                               "org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine.appendEvents")),
    ("commit", ("org.springframework.transaction.support.AbstractPlatformTransactionManager.commit",
                "org.postgresql.jdbc.PgConnection.commit")),
]

def thread_kind(name):
    if "exec-" in name or name.startswith("http-nio"):
        return "request"
    m = re.match(r"EventProcessor\[(.+?)\]", name)
    if m:
        return "processor: " + m.group(1)
    if "WorkPackage" in name or "Coordinator" in name:
        m = re.search(r"\[(.+?)\]", name)
        return "processor: " + (m.group(1) if m else name)
    if name.startswith("db-scheduler"):
        return "db-scheduler"
    if "Hikari" in name:
        return "connection pool"
    return "other: " + re.sub(r"[-#]?\d+$", "", name)

def main():
    window = sys.argv[1:3] if len(sys.argv) >= 3 else None
    samples = Counter(); phases = Counter(); n = 0
    text = sys.stdin.read()
    for block in text.split("jdk.ExecutionSample {")[1:]:
        t = re.search(r"startTime = (\d\d:\d\d:\d\d)", block)
        if window and t and not (window[0] <= t.group(1) <= window[1]):
            continue
        thread = re.search(r'sampledThread = "([^"]+)"', block)
        name = thread.group(1) if thread else "?"
        frames = [f.strip() for f in re.findall(r"^\s{4}(\S.*?)(?:\s+line:.*)?$", block, re.M)]
        kind = thread_kind(name)
        n += 1
        samples[kind] += 1
        if kind == "request":
            phase = "Tomcat and network"
            for frame in reversed(frames):  # from the root towards the leaf
                for name_, prefixes in PHASES:
                    if frame.startswith(prefixes):
                        phase = name_
            phases[phase] += 1
    print(f"{n} execution samples")
    print("\nby thread kind | samples | share")
    for kind, c in samples.most_common():
        print(f"{kind:40} | {c:6} | {100*c/n:5.1f} %")
    r = samples["request"] or 1
    print("\nrequest threads by phase | samples | share of request | share of all")
    for phase, c in phases.most_common():
        print(f"{phase:40} | {c:6} | {100*c/r:5.1f} % | {100*c/n:5.1f} %")

main()
