-- webhooks: the systems around Coop (case systems, registers) subscribe to its events and receive each as a signed
-- CloudEvent (docs/integration.md). A subscription is made by a secretariat or an operator; its secret is shown once.
CREATE TABLE webhook_subscription (
    subscription_id uuid PRIMARY KEY,
    url             text NOT NULL,
    -- the event types it receives (IntentDrafted, …); NULL for every type
    types           text[],
    -- only agreements this party belongs to; NULL for every agreement
    party_id        varchar(64),
    description     text,
    -- how deliveries are signed: v1 (HMAC-SHA256 with the secret) or v1a (Ed25519 with Coop's webhook key)
    scheme          text NOT NULL DEFAULT 'v1',
    -- Standard Webhooks' whsec_… form: the receiver checks v1 signatures with it
    secret          text NOT NULL,
    -- after a rotation, the secret before it: deliveries carry a signature with each until previous_secret_until
    previous_secret       text,
    previous_secret_until timestamptz,
    -- ACTIVE; DISABLED (the receiver answered 410, or its owner removed it); SUSPENDED (failing for days)
    state           text NOT NULL,
    state_reason    text,
    state_since     timestamptz NOT NULL,
    created_by      text NOT NULL,
    -- the parties of the user who made it: a secretariat sees and manages the subscriptions of its own parties
    owner_parties   text[] NOT NULL,
    created_at      timestamptz NOT NULL,
    -- the store's head when it was made: it receives the events after it (older ones only when redelivered)
    from_position   bigint NOT NULL
);

-- the parties of each agreement, as its draft named them: a subscription for one party receives only its agreements
CREATE TABLE webhook_agreement_party (
    agreement_id text        NOT NULL,
    party_id     varchar(64) NOT NULL,
    PRIMARY KEY (agreement_id, party_id)
);

-- the outbox: one row per event and subscription, written by the webhooks processor as the event is processed; the
-- delivery itself (its data made at send time) is sent by one node at a time, in order per subscription and agreement
CREATE TABLE webhook_delivery (
    subscription_id  uuid        NOT NULL REFERENCES webhook_subscription (subscription_id) ON DELETE CASCADE,
    -- the event's own id: the webhook-id and the CloudEvent's id on every attempt
    event_id         text        NOT NULL,
    global_index     bigint      NOT NULL,
    agreement_id     text        NOT NULL,
    event_type       text        NOT NULL,
    -- PENDING, DELIVERED, FAILED (given up), DROPPED (its subscription was disabled)
    state            text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       text,
    delivered_at     timestamptz,
    -- the node sending it now, and until when its claim holds (a node that dies mid-send leaves it to another)
    claimed_by       text,
    claimed_until    timestamptz,
    PRIMARY KEY (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_order ON webhook_delivery (subscription_id, agreement_id, global_index)
    WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, global_index DESC);

-- Coop's own key for v1a (Ed25519) signatures: not the checkpoints' key; its public half is published for receivers
-- (GET /api/v1/webhooks/public-key). Made once, by whichever node needs it first.
CREATE TABLE webhook_key (
    key_id      text PRIMARY KEY,
    public_key  bytea       NOT NULL,
    private_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);
