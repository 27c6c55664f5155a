// Generated from the server's OpenAPI document by `npm run api:write`. Do not edit.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database kind */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in: exchange a username and password for a bearer token
         * @description Failed attempts are counted per account and client address, per address, and per account, in the database (shared by every server process). Past a few failures each further attempt must wait a delay that doubles with every failure: until then it answers 429 with Retry-After. The per-account count holds back only clients the account has not signed in from: send the deviceToken of an earlier sign-in (or come from an address the account signed in from lately) and someone else's guesses never slow you down, so nobody can lock an account out.
         */
        post: operations["signIn"];
        /** Log out: revoke the current token */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user, their party and role */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List and search the cases the caller's party may see */
        get: operations["listCases"];
        put?: never;
        /**
         * Register a case for the caller's party
         * @description Idempotent through a client-supplied id: send it as the `Idempotency-Key` header or the body's `clientId` (if both, they must agree). Repeating the request with the same id answers 201 with the same case id, changes nothing, and sets `Idempotent-Replayed: true`. Without an id every request creates a new case.
         */
        post: operations["createCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One case, as much of it as the caller's party may see
         * @description 404 when the case does not exist or the caller's party may not see it: existence is itself sensitive.
         */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a lifecycle step or record something on a case
         * @description The client id (body `clientId` or `Idempotency-Key` header) is required: repeating it changes nothing. With `expectedVersion`, a case that has moved on answers 409 instead of applying the step to a state the client never saw.
         */
        post: operations["recordCaseAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's actions: who, which party, when, what (as much as the caller may see) */
        get: operations["getCaseHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The review queue: match candidates where one side is the caller's party's case
         * @description Caseworkers and verifiers see the candidates of their party's cases; the mediator sees pending and agreed pairs. Each side sees only the verification fields of the other's record. A candidate is a flag for a person, never a merge.
         */
        get: operations["listMatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/matches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One candidate with its explanation and, when flagged, the competing set */
        get: operations["getMatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/matching/model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The matching model in use: its m and u per field and comparison level (admins and auditors) */
        get: operations["getMatchingModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/matching/model/train": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Learn m and u from the stored records and use them from now on (admins only)
         * @description Unsupervised (EM, u from random pairs), one record per case. A new model is a signed log entry of the admin's party. Candidates already stored keep their scores until their records are matched again. Takes seconds on a large registry.
         */
        post: operations["trainMatchingModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/matches/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept or reject a candidate for the caller's party
         * @description Only caseworkers and verifiers of the party whose case is on one side decide, for that side. A decision is kept: repeating it answers with `replayed: true`, a different one is 409. Identity counts as agreed only when both parties accept; a rejected pair is never proposed again.
         */
        post: operations["decideMatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every party's and verifier's public signing key (public: no login needed)
         * @description Compare the fingerprints (the key ids) with the ones each party publishes, then pin them: `homeward log verify LOG --keys KEYS.json`.
         */
        get: operations["listKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The log's current size and root, and its latest co-signed checkpoint */
        get: operations["getLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log/entries/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One signed entry (hashes only: payloads with personal data stay in the registry) */
        get: operations["getLogEntry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log/proofs/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 9162 inclusion proof of entry `index` in the tree of `size` (default: the current size) */
        get: operations["getInclusionProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log/proofs/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 9162 consistency proof from the tree of size `from` to the tree of size `to` (default: current) */
        get: operations["getConsistencyProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest checkpoint with every party's co-signature */
        get: operations["getCheckpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The whole log as JSON Lines, for `homeward log verify`
         * @description A header with the parties' public keys, then entries and co-signed checkpoints, one JSON object a line; it ends with a checkpoint of the full size (signed now when there is none yet).
         */
        get: operations["exportLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's verification reports */
        get: operations["listCaseReports"];
        put?: never;
        /**
         * Draft a verification report (identity, or post-return with the welfare check) for a case
         * @description Idempotent by the body's `clientId`. The document is sealed in the registry; the log records its hash.
         */
        post: operations["draftReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One verification report with its signatures */
        get: operations["getReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/signatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign the report as the caller's party's verifier, or confirm it as the mediator (after both verifiers) */
        post: operations["signReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/signed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed report file for `homeward report verify`: document, signature entries, inclusion proofs, co-signed checkpoint, keys */
        get: operations["getSignedReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log/keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace a signing key: an admin rotates the party's key, a verifier or mediator their own
         * @description The new key is announced in the log, signed by the party and by itself; the old key signs nothing afterwards.
         */
        post: operations["rotateKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log/keys/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a person's signing key (admins, for their own party's people) */
        post: operations["revokeKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as a PDF in the reader's language (en, uk, ru), with each signature, its log entry hash and the verification code */
        get: operations["getReportPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a checkpoint of the current size as the caller's party (verifiers, mediators and admins)
         * @description Creates the checkpoint of the current size, or adds the caller's party's co-signature to it.
         */
        post: operations["signCheckpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The opening of the case's commitments in the log and its steps there
         * @description For those who may see the case (its party, the parties it is shared with, auditors). The payloads, which hold the case's data, only for the case's own party and auditors.
         */
        get: operations["getCaseLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The batches the caller's party is part of */
        get: operations["listBatches"];
        put?: never;
        /**
         * Plan a return batch (mediator only)
         * @description Idempotent through the Idempotency-Key header or the body's clientId.
         */
        post: operations["createBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One batch */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/batches/{id}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a child's case to the batch (mediator only)
         * @description Only when the case's identity report is signed by both verifiers and confirmed by the mediator, the return consent of the one entitled to give it is recorded, and no refusal is recorded; otherwise 409 naming the missing step.
         */
        post: operations["addBatchChild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/batches/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the batch: planned → confirmed → in-transit → completed, or postponed / cancelled with a reason (mediator only) */
        post: operations["moveBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/batches/{id}/handovers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a child's handover for the caller's party (a signed step on the case); when both parties have, the case is reunited */
        post: operations["confirmHandover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/post-return-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Post-return checks of the batches the caller's party is part of */
        get: operations["listPostReturnChecks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pfif": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cases the caller's party may see, as a PFIF 1.4 document
         * @description Persons with their notes, as the party's view of each case allows; each read is logged.
         */
        get: operations["exportPfif"];
        put?: never;
        /**
         * Import a PFIF 1.4 document as the caller's party's cases and notes
         * @description Idempotent by record id. Expired and invalid records are listed in `rejected` with every problem, not imported.
         */
        post: operations["importPfif"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public statistics: cases by state, separation, oblast, age band and month; returns by month and direction; median days to return */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same statistics as CSV: table,label,value */
        get: operations["getStatsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/disclosures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disclose one child held, or a list of them (the holding side of the case)
         * @description Each child becomes a case of the caller's party, worked from the holding side, with its disclosure (biography, name and citizenship changes, services received, placement) and shared with `to` (the tracing party) and `mediator`, all in one transaction. It enters matching at once and is a signed log entry. Idempotent through client ids like case creation; a list is all or nothing.
         */
        post: operations["createDisclosures"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/disclosure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A case's latest disclosure, as much of it as the caller may see
         * @description The placement's address stays with the holding party; an auditor sees the periods and changes without the biography or summaries.
         */
        get: operations["getDisclosure"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tracing-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tracing requests the caller's party made or that are addressed to it, each with its match candidates */
        get: operations["listTracingRequests"];
        put?: never;
        /**
         * Ask the party believed to hold a child to trace it: one request or a list (the tracing side of the case)
         * @description Each request becomes a case of the caller's party, worked from the tracing side, addressed to `to` and shared with it and `mediator` to work it, in one transaction. Only what identification needs crosses: the family's contact details and the notes stay with the caller's party. Idempotent through client ids; a list is all or nothing.
         */
        post: operations["createTracingRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a photograph of the child to a case (the case's owner)
         * @description The body is the image itself (image/jpeg, image/png, image/heic, image/heif, image/avif, image/webp), or multipart/form-data with the file as `photo` and an optional `caption`. Every metadata field (EXIF with GPS, XMP, IPTC, ICC) is stripped before anything is stored; a thumbnail is made; both are encrypted at rest. At most 15728640 bytes. Idempotent through the Idempotency-Key header.
         */
        post: operations["addPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/photos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photograph (or its thumbnail), to parties entitled to the case; each view is in the access log */
        get: operations["getPhoto"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who read which case, when (admins and auditors) */
        get: operations["listAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-log/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The access log as CSV, oldest first (admins and auditors)
         * @description Settled rows are committed into the signed log as digests first. Check the file with `homeward log verify LOG --access-log FILE.csv --party PARTY`: a deleted or altered row is named by the digest that no longer matches.
         */
        get: operations["exportAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/threads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The threads the caller is in, latest activity first; each thread about a case listed is in the access log */
        get: operations["listThreads"];
        put?: never;
        /**
         * Open a thread about a case or a batch: a party with the mediator, or (the mediator only) both sides and the mediator
         * @description A party's thread goes to the mediator of the subject (named in `mediator` when there are several). Every party named must work the subject. Caseworkers and verifiers open threads for their own party; the mediator may bring both sides together. Idempotent through client ids.
         */
        post: operations["openThread"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/threads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One thread (a read of its case in the access log) */
        get: operations["getThread"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/threads/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A thread's messages, oldest first, with their attachments' descriptions, hashes and read receipts */
        get: operations["listThreadMessages"];
        put?: never;
        /**
         * Write in a thread, with up to five files (base64); the text and files are encrypted at rest, the message's hash is a signed log entry
         * @description An image attachment is decoded and encoded again so that no camera metadata (GPS) travels in it. At most 5242880 bytes a file.
         */
        post: operations["postThreadMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/threads/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the caller's read receipt up to a message */
        post: operations["markThreadRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/threads/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file attached to a message of the thread (a read of its case in the access log) */
        get: operations["getThreadAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/annotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The mediator's own annotations of a case */
        get: operations["listAnnotations"];
        put?: never;
        /** The mediator annotates a case it sees (for its own party's eyes; the hash is a signed log entry) */
        post: operations["annotateCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/health-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The child's health summary as an IPS document Bundle, released under the recorded consent
         * @description To the party holding the record; to another party only while the latest consent names that party and the purpose and is in force. Every release to another party is a signed log entry; every read an access-log row.
         */
        get: operations["getHealthSummary"];
        /**
         * Record the child's health summary (the party holding the record)
         * @description The body is an IPS document Bundle: the Composition first (LOINC 60591-5), the problems, allergies and medications sections stated, every resource referred to by a section. It is validated against the FHIR R4 definitions offline; what Homeward would not keep is rejected, not dropped.
         */
        put: operations["putHealthSummary"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/health-consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest consent to release the child's health summary, as a FHIR Consent (the party holding the record) */
        get: operations["getHealthConsent"];
        /**
         * Record the consent to release the child's health summary (the party holding the record)
         * @description A FHIR Consent: scope patient-privacy, category LOINC 59284-0, one permit provision naming the recipient parties (IRCP, identifier system urn:homeward:party), the purposes (v3 ActReason) and the period. A consent with parts Homeward would not enforce is rejected.
         */
        put: operations["putHealthConsent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/health-consent/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the consent: nothing is released under it afterwards */
        post: operations["withdrawHealthConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log/note": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest checkpoint as a C2SP signed note, with every witness co-signature kept for it (public)
         * @description Signed by the log's own key (`GET /api/log/witnesses` gives it as a verifier key) and co-signed (cosignature/v1) by the witnesses that checked it. Check it with `homeward log verify LOG --checkpoint NOTE --witnesses KEYS --quorum N`.
         */
        get: operations["getCheckpointNote"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log/note/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 6962 consistency proof between two sizes, one base64 hash a line (the witness protocol's form) */
        get: operations["getNoteConsistency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log/note/cosignatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A witness hands back its co-signature: the checkpoint note with its signature lines (public; only registered witnesses' valid co-signatures are kept) */
        post: operations["addCosignatures"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/log/witnesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The log's checkpoint key and the witnesses whose co-signatures it keeps (public) */
        get: operations["listWitnesses"];
        put?: never;
        /**
         * Register a witness by its verifier key (admins)
         * @description The witness keeps its own key; `homeward witness keygen` prints the verifier key to register here.
         */
        post: operations["addWitness"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's dashboard in one read: cases by state, reviews waiting, overdue post-return checks, children turning 18 soon, registrations and returns per month
         * @description Counts only, over the cases the caller's party may see (its own and those shared with it), the review queue it sees and the batches it is part of.
         */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import cases, disclosures or tracing requests from CSV (the columns of docs/import-cases.md and docs/import-channel.md)
         * @description Each valid row becomes a case of the caller's party; each invalid row is answered with its line and the reason, the rest imported. Idempotent per record_id.
         */
        post: operations["importCsv"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Health: {
            /** @enum {string} */
            status: "ok";
            database: string;
        };
        Session: {
            token: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description Keep it on this device and send it with the next sign-in to this account */
            deviceToken: string;
        };
        /** @description RFC 9457 problem details; `errors` names each offending field. */
        Problem: {
            /** @example urn:homeward:problem:validation */
            type: string;
            title: string;
            status: number;
            detail?: string;
            errors?: {
                pointer: string;
                /** @example names[0].given */
                field: string;
                detail: string;
            }[];
        };
        Login: {
            /** @example tracing */
            username: string;
            /** @example demo-password */
            password: string;
            /** @description The deviceToken of this account's last sign-in on this device: failures elsewhere do not slow it down */
            deviceToken?: string;
        };
        Me: {
            id: string;
            username: string;
            party: string;
            /** @enum {string} */
            role: "caseworker" | "verifier" | "mediator" | "auditor" | "admin";
            displayName: string | null;
            sessionExpiresAt: string;
        };
        CaseList: {
            items: components["schemas"]["CaseSummary"][];
            total: number;
        };
        CaseSummary: {
            id: string;
            /** @description The party that holds the case. */
            party: string;
            /** @description How much of the case the caller may see: full, shared, mediator or auditor. */
            view: string;
            /** @enum {string} */
            status: "reported" | "registered" | "located" | "identity-verified" | "confirmed-by-mediator" | "scheduled" | "reunited" | "post-return-verified" | "closed" | "declined-by-child" | "declined-by-guardian" | "declined-by-adult" | "deceased" | "duplicate" | "withdrawn" | "on-hold";
            version: number;
            updatedAt: string;
            names: {
                given?: string;
                family?: string;
                patronymic?: string;
                script: string;
                lang?: string;
                kind: string;
            }[];
            /** @enum {string} */
            sex: "M" | "F" | "X" | "unknown";
            birthDate?: string;
            birthDateEstimated?: boolean;
            age: {
                min: number;
                max: number;
            } | null;
            adult: boolean;
        };
        Created: {
            id: string;
        };
        /**
         * @example {
         *       "names": [
         *         {
         *           "given": "Олександр",
         *           "family": "Коваленко"
         *         }
         *       ],
         *       "sex": "M",
         *       "birthDate": "2014-03-07"
         *     }
         */
        NewCase: {
            names: {
                given?: string;
                family?: string;
                patronymic?: string;
                /** @enum {string} */
                script?: "Cyrl" | "Latn" | "other";
                lang?: string;
                /** @enum {string} */
                kind?: "birth" | "current" | "alias" | "new-after-deportation" | "transliteration";
            }[];
            /** @enum {string} */
            sex: "M" | "F" | "X" | "unknown";
            birthDate?: string;
            birthDateEstimated?: boolean;
            birthPlace?: string;
            separation?: {
                /** @enum {string} */
                category: "deported" | "forcibly-transferred" | "evacuated-without-parents" | "separated-across-line" | "other";
                date?: string;
                place?: string;
                lastKnownLocation?: string;
            };
            family?: {
                /** @enum {string} */
                relation: "mother" | "father" | "sibling" | "grandparent" | "aunt-uncle" | "other-relative" | "legal-guardian" | "foster-parent" | "other";
                given?: string;
                family?: string;
                patronymic?: string;
                birthDate?: string;
                /** @default false */
                legalGuardian: boolean;
                contact?: {
                    phone?: string;
                    email?: string;
                    address?: string;
                    other?: string;
                };
            }[];
            consent?: {
                forTracing: boolean;
                forSharing: boolean;
                /** @enum {string} */
                givenBy: "guardian" | "person";
                guardianName?: string;
                date?: string;
            };
            legalBasis?: {
                /** @enum {string} */
                basis: "court-order" | "statutory-mandate" | "channel-agreement" | "vital-interests";
                reference: string;
            };
            childViews?: string;
            notes?: string;
            health?: string;
            /** @description Idempotency key chosen by the client (or send the Idempotency-Key header). Repeating a create with the same key returns the same case and changes nothing. */
            clientId?: string;
        };
        Case: {
            id: string;
            /** @description The party that holds the case. */
            party: string;
            /** @description How much of the case the caller may see: full, shared, mediator or auditor. */
            view: string;
            /** @enum {string} */
            status: "reported" | "registered" | "located" | "identity-verified" | "confirmed-by-mediator" | "scheduled" | "reunited" | "post-return-verified" | "closed" | "declined-by-child" | "declined-by-guardian" | "declined-by-adult" | "deceased" | "duplicate" | "withdrawn" | "on-hold";
            version: number;
            updatedAt: string;
            names: {
                given?: string;
                family?: string;
                patronymic?: string;
                script: string;
                lang?: string;
                kind: string;
            }[];
            /** @enum {string} */
            sex: "M" | "F" | "X" | "unknown";
            birthDate?: string;
            birthDateEstimated?: boolean;
            age: {
                min: number;
                max: number;
            } | null;
            adult: boolean;
            createdAt: string;
            possiblyAdult: boolean;
            consentNeedsRenewal: boolean;
            birthPlace?: string;
            separation?: {
                [key: string]: unknown;
            };
            consent?: {
                [key: string]: unknown;
            };
            childViews?: string;
            /** @description Family members and guardians; contact details appear only for the party that holds the case. */
            family?: {
                [key: string]: unknown;
            }[];
            notes?: {
                [key: string]: unknown;
            }[];
            health?: string;
            shares?: {
                [key: string]: string;
            };
            /** @description The child's photographs, each served by GET /api/photos/{id} (?size=thumb for a thumbnail); not in the auditor's view. */
            photos?: {
                id: string;
                sha256: string;
                caption?: string;
                at: string;
            }[];
            /** @description The other party's case for the same child, once both parties accepted the match: the two move together from the joint verification on. Not in the other party's view. */
            linkedCase?: string;
        } & {
            [key: string]: unknown;
        };
        ActionResult: {
            sequence: number;
            replayed: boolean;
            case: components["schemas"]["Case"];
        };
        /**
         * @example {
         *       "clientId": "8d3c0e4e-2f4b-4c1f-9f39-3a1d4bd1d0a1",
         *       "expectedVersion": 1,
         *       "action": {
         *         "type": "register"
         *       }
         *     }
         */
        ActionRequest: {
            /** @description Required (here or as the Idempotency-Key header): repeating an action with the same id changes nothing. */
            clientId?: string;
            /** @description The case version the client last saw; if the case has moved on the answer is 409. */
            expectedVersion?: number;
            action: {
                /** @enum {string} */
                type: "report";
                details: {
                    names: {
                        given?: string;
                        family?: string;
                        patronymic?: string;
                        /** @enum {string} */
                        script?: "Cyrl" | "Latn" | "other";
                        lang?: string;
                        /** @enum {string} */
                        kind?: "birth" | "current" | "alias" | "new-after-deportation" | "transliteration";
                    }[];
                    /** @enum {string} */
                    sex: "M" | "F" | "X" | "unknown";
                    birthDate?: string;
                    birthDateEstimated?: boolean;
                    birthPlace?: string;
                    separation?: {
                        /** @enum {string} */
                        category: "deported" | "forcibly-transferred" | "evacuated-without-parents" | "separated-across-line" | "other";
                        date?: string;
                        place?: string;
                        lastKnownLocation?: string;
                    };
                    family?: {
                        /** @enum {string} */
                        relation: "mother" | "father" | "sibling" | "grandparent" | "aunt-uncle" | "other-relative" | "legal-guardian" | "foster-parent" | "other";
                        given?: string;
                        family?: string;
                        patronymic?: string;
                        birthDate?: string;
                        /** @default false */
                        legalGuardian: boolean;
                        contact?: {
                            phone?: string;
                            email?: string;
                            address?: string;
                            other?: string;
                        };
                    }[];
                    consent?: {
                        forTracing: boolean;
                        forSharing: boolean;
                        /** @enum {string} */
                        givenBy: "guardian" | "person";
                        guardianName?: string;
                        date?: string;
                    };
                    legalBasis?: {
                        /** @enum {string} */
                        basis: "court-order" | "statutory-mandate" | "channel-agreement" | "vital-interests";
                        reference: string;
                    };
                    childViews?: string;
                    notes?: string;
                    health?: string;
                };
                /** @enum {string} */
                side?: "tracing" | "holding";
            } | {
                /** @enum {string} */
                type: "update-details";
                patch: {
                    names?: {
                        given?: string;
                        family?: string;
                        patronymic?: string;
                        /** @enum {string} */
                        script?: "Cyrl" | "Latn" | "other";
                        lang?: string;
                        /** @enum {string} */
                        kind?: "birth" | "current" | "alias" | "new-after-deportation" | "transliteration";
                    }[];
                    /** @enum {string} */
                    sex?: "M" | "F" | "X" | "unknown";
                    birthDate?: string | null;
                    birthDateEstimated?: boolean;
                    birthPlace?: string | null;
                    separation?: {
                        /** @enum {string} */
                        category: "deported" | "forcibly-transferred" | "evacuated-without-parents" | "separated-across-line" | "other";
                        date?: string;
                        place?: string;
                        lastKnownLocation?: string;
                    } | null;
                    family?: {
                        /** @enum {string} */
                        relation: "mother" | "father" | "sibling" | "grandparent" | "aunt-uncle" | "other-relative" | "legal-guardian" | "foster-parent" | "other";
                        given?: string;
                        family?: string;
                        patronymic?: string;
                        birthDate?: string;
                        /** @default false */
                        legalGuardian: boolean;
                        contact?: {
                            phone?: string;
                            email?: string;
                            address?: string;
                            other?: string;
                        };
                    }[];
                    legalBasis?: {
                        /** @enum {string} */
                        basis: "court-order" | "statutory-mandate" | "channel-agreement" | "vital-interests";
                        reference: string;
                    } | null;
                    childViews?: string | null;
                    health?: string | null;
                };
            } | {
                /** @enum {string} */
                type: "register";
                note?: string;
            } | {
                /** @enum {string} */
                type: "locate";
                location?: string;
                note?: string;
            } | {
                /** @enum {string} */
                type: "verify-identity";
                reportRef?: string;
                note?: string;
            } | {
                /** @enum {string} */
                type: "confirm-by-mediator";
                reportRef?: string;
                note?: string;
            } | {
                /** @enum {string} */
                type: "schedule";
                batchId?: string;
                date?: string;
                note?: string;
            } | {
                /** @enum {string} */
                type: "confirm-handover";
                batchId: string;
                note?: string;
            } | {
                /** @enum {string} */
                type: "unschedule";
                batchId: string;
                reason?: string;
            } | {
                /** @enum {string} */
                type: "reunite";
                date?: string;
                place?: string;
                note?: string;
            } | {
                /** @enum {string} */
                type: "verify-post-return";
                reportRef?: string;
                note?: string;
            } | {
                /** @enum {string} */
                type: "close";
                reason?: string;
            } | {
                /** @enum {string} */
                type: "decline";
                /** @enum {string} */
                by: "child" | "guardian" | "adult";
                reason?: string;
            } | {
                /** @enum {string} */
                type: "record-death";
                date?: string;
                note?: string;
            } | {
                /** @enum {string} */
                type: "mark-duplicate";
                duplicateOf: string;
            } | {
                /** @enum {string} */
                type: "withdraw";
                reason?: string;
            } | {
                /** @enum {string} */
                type: "hold";
                reason?: string;
            } | {
                /** @enum {string} */
                type: "resume";
                reason?: string;
            } | {
                /** @enum {string} */
                type: "record-consent";
                consent: {
                    forTracing: boolean;
                    forSharing: boolean;
                    /** @enum {string} */
                    givenBy: "guardian" | "person";
                    guardianName?: string;
                    date?: string;
                };
            } | {
                /** @enum {string} */
                type: "record-views";
                views: string;
                heardOn?: string;
                heardBy?: string;
                /** @enum {string} */
                stance?: "wants-return" | "refuses-return" | "undecided" | "not-expressed";
            } | {
                /** @enum {string} */
                type: "consent-decision";
                consent: {
                    /** @enum {string} */
                    purpose: "tracing" | "sharing" | "return" | "health-information";
                    /** @enum {string} */
                    decision: "granted" | "refused" | "withdrawn";
                    /** @enum {string} */
                    givenBy: "guardian" | "person";
                    giverName?: string;
                    recipients?: string[];
                    validUntil?: string;
                    date?: string;
                    note?: string;
                };
            } | {
                /** @enum {string} */
                type: "switch-to-adult-track";
                note?: string;
            } | {
                /** @enum {string} */
                type: "add-note";
                text: string;
            } | {
                /** @enum {string} */
                type: "disclose";
                disclosure: {
                    biography: string;
                    /** @default [] */
                    nameChanges: {
                        from?: string;
                        to: string;
                        date?: string;
                        authority?: string;
                    }[];
                    /** @default [] */
                    citizenshipChanges: {
                        citizenship: string;
                        date?: string;
                        authority?: string;
                    }[];
                    /** @default [] */
                    services: {
                        /** @enum {string} */
                        kind: "social" | "medical" | "psychological" | "educational" | "legal" | "other";
                        /** @enum {string} */
                        providerType: "state-institution" | "municipal" | "ngo" | "private" | "foster-family" | "other";
                        from?: string;
                        until?: string;
                        summary: string;
                    }[];
                    placement?: {
                        /** @enum {string} */
                        kind: "institution" | "foster-family" | "adoptive-family" | "relatives" | "other";
                        since?: string;
                        name?: string;
                        locality?: string;
                        address?: string;
                    };
                };
            } | {
                /** @enum {string} */
                type: "request-tracing";
                to: string;
                mediator?: string;
            } | {
                /** @enum {string} */
                type: "add-photo";
                /** Format: uuid */
                photoId: string;
                sha256: string;
                caption?: string;
            } | {
                /** @enum {string} */
                type: "remove-photo";
                /** Format: uuid */
                photoId: string;
                reason?: string;
            } | {
                /** @enum {string} */
                type: "link-case";
                /** Format: uuid */
                linkedCase: string;
                /** Format: uuid */
                candidate?: string;
            } | {
                /** @enum {string} */
                type: "follow-linked";
                /** Format: uuid */
                linkedCase: string;
                /** @enum {string} */
                step: "verify-identity" | "confirm-by-mediator" | "schedule" | "unschedule" | "confirm-handover" | "reunite" | "verify-post-return" | "close";
                /** @enum {string} */
                status: "reported" | "registered" | "located" | "identity-verified" | "confirmed-by-mediator" | "scheduled" | "reunited" | "post-return-verified" | "closed" | "declined-by-child" | "declined-by-guardian" | "declined-by-adult" | "deceased" | "duplicate" | "withdrawn" | "on-hold";
                batchId?: string;
                reportRef?: string;
                date?: string;
            } | {
                /** @enum {string} */
                type: "share";
                partyId: string;
                /** @enum {string} */
                scope: "view" | "participate";
            } | {
                /** @enum {string} */
                type: "unshare";
                partyId: string;
            };
        };
        History: {
            items: {
                caseId: string;
                sequence: number;
                type: string;
                at: string;
                actor: {
                    partyId: string;
                    role: string;
                    userId?: string;
                };
                action?: {
                    [key: string]: unknown;
                };
            }[];
        };
        MatchCandidateList: {
            items: components["schemas"]["MatchCandidate"][];
            total: number;
        };
        MatchCandidate: {
            id: string;
            /**
             * @description agreed only when both parties accepted; rejected when either rejected
             * @enum {string}
             */
            status: "pending" | "agreed" | "rejected";
            probability: number;
            weight: number;
            /**
             * @description Several candidates compete for one of the records; family_conflict when two of them are of one family (siblings, twins): review them as a set.
             * @enum {string|null}
             */
            flag: "family_conflict" | "multiple" | null;
            /** @enum {string|null} */
            yourSide: "tracing" | "holding" | null;
            decisions: {
                tracing: {
                    /** @enum {string} */
                    decision: "accept" | "reject";
                    at: string;
                    /** @description Only shown to the party that decided. */
                    reason?: string;
                } | null;
                holding: {
                    /** @enum {string} */
                    decision: "accept" | "reject";
                    at: string;
                    /** @description Only shown to the party that decided. */
                    reason?: string;
                } | null;
            };
            tracing: components["schemas"]["MatchVerificationFields"];
            holding: components["schemas"]["MatchVerificationFields"];
            explanation: {
                text: string;
                fields: {
                    field: string;
                    label: string;
                    left: string;
                    right: string;
                    level: string;
                    weight: number;
                }[];
            };
            createdAt: string;
            updatedAt: string;
        };
        /** @description What verification needs of a record: never contact details, notes, health, consent or the child's views. */
        MatchVerificationFields: {
            caseId: string;
            names: {
                given?: string;
                family?: string;
                patronymic?: string;
                script: string;
                kind: string;
            }[];
            sex: string;
            birthDate?: string;
            birthDateEstimated?: boolean;
            birthPlace?: string;
            separation?: {
                category: string;
                date?: string;
                place?: string;
            };
            parents: {
                /** @enum {string} */
                relation: "mother" | "father";
                given?: string;
                family?: string;
                patronymic?: string;
            }[];
        };
        MatchCandidateDetail: components["schemas"]["MatchCandidate"] & {
            /** @description The other candidates competing for the same record (those the caller may see). */
            group: {
                /** @enum {string} */
                flag: "family_conflict" | "multiple";
                members: components["schemas"]["MatchCandidate"][];
            } | null;
        };
        MatchModel: {
            id: string;
            /** @description preset-defaults (the engine's defaults, before any training) or trained-em (learned from the stored records) */
            source: string;
            createdAt: string;
            /** @description Prior chance that two records drawn at random, one from each side, are one child */
            lambda: number;
            fields: {
                field: string;
                levels: {
                    /** @description The comparison level; the last, other, is none of the others */
                    level: string;
                    /** @description Chance of this level for a pair that is one child */
                    m: number;
                    /** @description Chance of this level for two different children */
                    u: number;
                    /** @description log2(m/u): the evidence this level gives */
                    weight: number;
                }[];
            }[];
        };
        MatchModelTraining: {
            /** @description false: too few stored records to learn from; the model in use is kept */
            trained: boolean;
            /** @description Stored records learned from, one per case */
            records: {
                tracing: number;
                holding: number;
            };
            /** @description u from random pairs; m from one EM session per training blocking rule */
            training: {
                randomPairs: number;
                emPairs: number;
                sessions: {
                    rule: string;
                    pairs: number;
                    lambda: number;
                    estimated: string[];
                }[];
            } | null;
            /** @description The signed log entry recording the new model */
            logIndex: number | null;
            model: components["schemas"]["MatchModel"];
        };
        MatchDecision: {
            /** @enum {string} */
            decision: "accept" | "reject";
            /** @description Required to reject. */
            reason?: string;
        };
        LedgerKeys: {
            log: string;
            keys: components["schemas"]["LedgerKey"][];
        };
        LedgerKey: {
            /** @description SHA-256 of the raw public key */
            id: string;
            /** @enum {string} */
            algorithm: "ed25519";
            party: string;
            user?: string;
            /** @description 32 bytes, lowercase hex */
            publicKey: string;
            /** @description Trusted from the log's start (a party key); other keys are announced by key entries in the log */
            anchor: boolean;
            retired: boolean;
        };
        LedgerInfo: {
            log: string;
            size: number;
            /** @description 32 bytes, lowercase hex */
            root: string;
            checkpoint: components["schemas"]["LedgerCheckpoint"];
        };
        LedgerCheckpoint: {
            /** @enum {string} */
            kind: "checkpoint";
            checkpoint: {
                log: string;
                size: number;
                /** @description 32 bytes, lowercase hex */
                root: string;
                time: string;
            };
            sigs: {
                /** @description 32 bytes, lowercase hex */
                key: string;
                sig: string;
            }[];
        } | null;
        LedgerEntry: {
            /** @enum {string} */
            kind: "entry";
            entry: {
                [key: string]: unknown;
            };
            sigs: {
                /** @description 32 bytes, lowercase hex */
                key: string;
                sig: string;
            }[];
        };
        InclusionProof: {
            index: number;
            size: number;
            /** @description 32 bytes, lowercase hex */
            leafHash: string;
            proof: string[];
            /** @description 32 bytes, lowercase hex */
            root: string;
        };
        ConsistencyProof: {
            from: number;
            to: number;
            /** @description 32 bytes, lowercase hex */
            fromRoot: string;
            /** @description 32 bytes, lowercase hex */
            toRoot: string;
            proof: string[];
        };
        VerificationReport: {
            id: string;
            case: string;
            /** @enum {string} */
            kind: "identity" | "post-return";
            language: string;
            /** @description SHA-256 of the RFC 8785 form of the document; the log's entries sign this */
            hash: string;
            /** @description Short code printed on the report to match it to its file */
            verificationCode: string;
            document: {
                [key: string]: unknown;
            };
            draftEntryIndex: number;
            signatures: {
                role: string;
                party: string;
                user: string;
                at: string;
                entryIndex: number;
            }[];
            /** @enum {string} */
            stage: "drafted" | "signed" | "jointly-signed" | "confirmed";
        };
        CaseLog: {
            opening: {
                case: string;
                /** @description The case's secret salt: keep it as private as the case */
                salt: string;
            };
            /** @description The subject every entry about the case carries */
            subject: string;
            steps: {
                index: number;
                sequence: number;
                type: string;
                /** @description The hashed payload (full and auditor views only): checks the entry's payloadHash */
                payload?: {
                    [key: string]: unknown;
                };
            }[];
        };
        NewBatch: {
            /** @example Return group 3 */
            name: string;
            /** @example holding */
            from: string;
            /** @example tracing */
            to: string;
            /** @example 2026-12-20 */
            plannedDate: string;
            handoverPoint: string;
            clientId?: string;
        };
        BatchList: {
            items: components["schemas"]["Batch"][];
        };
        Batch: {
            id: string;
            name: string;
            /** @description The party handing the children over */
            from: string;
            /** @description The party receiving them (returns go both ways) */
            to: string;
            mediator: string;
            plannedDate: string;
            handoverPoint: string;
            /** @enum {string} */
            status: "planned" | "confirmed" | "in-transit" | "completed" | "postponed" | "cancelled";
            /** @description Why the batch was postponed or cancelled */
            reason: string | null;
            createdAt: string;
            updatedAt: string;
            completedAt: string | null;
            children: {
                caseId: string;
                addedAt: string;
                handovers: {
                    partyId: string;
                    at: string;
                }[];
                reunitedAt: string | null;
                postReturnCheckDue: string | null;
                /** @description When the batch, cancelled or postponed, let go of the child (back to confirmed-by-mediator, free to join another batch) */
                releasedAt: string | null;
            }[];
            transitions: {
                /** @enum {string} */
                from: "planned" | "confirmed" | "in-transit" | "completed" | "postponed" | "cancelled";
                /** @enum {string} */
                to: "planned" | "confirmed" | "in-transit" | "completed" | "postponed" | "cancelled";
                reason: string | null;
                at: string;
            }[];
        };
        /** @description RFC 9457 problem details; `errors` names each offending field. */
        BatchStepProblem: components["schemas"]["Problem"] & {
            /** @description The step still missing, e.g. holding-verifier-signature, return-consent, child-refused */
            missingStep?: string;
            caseId?: string;
        };
        BatchChildRef: {
            caseId: string;
        };
        BatchTransition: {
            /** @enum {string} */
            to: "planned" | "confirmed" | "in-transit" | "completed" | "postponed" | "cancelled";
            /** @description Required to postpone or cancel */
            reason?: string;
            /** @description The new date, when a postponed batch is planned again */
            plannedDate?: string;
            clientId?: string;
        };
        BatchHandover: {
            caseId: string;
            /** @description The day of the handover (YYYY-MM-DD) when confirmed afterwards; default today */
            on?: string;
        };
        PostReturnCheckList: {
            items: {
                batchId: string;
                caseId: string;
                reunitedAt: string;
                dueDate: string;
                done: boolean;
                overdue: boolean;
            }[];
        };
        PfifImportResult: {
            created: number;
            existing: number;
            notesAdded: number;
            rejected: {
                record: string;
                problems: string[];
            }[];
        };
        PublicStats: {
            generatedAt: string;
            totals: {
                cases: number | "<10";
                returns: number | "<10";
            };
            tables: {
                id: string;
                title: string;
                /** @description The whole table is withheld (too few large cells to publish it safely) */
                withheld: boolean;
                cells: {
                    label: string;
                    value: number | ("<10" | "withheld");
                }[];
            }[];
            /** @description Published once ten or more children have returned */
            medianDaysToReturn: number | null;
        };
        /** @description `{id}` for one record, `{ids}` (in the list's order) for a list */
        CreatedOneOrMany: {
            id: string;
        } | {
            ids: string[];
        };
        NewDisclosure: {
            names: {
                given?: string;
                family?: string;
                patronymic?: string;
                /** @enum {string} */
                script?: "Cyrl" | "Latn" | "other";
                lang?: string;
                /** @enum {string} */
                kind?: "birth" | "current" | "alias" | "new-after-deportation" | "transliteration";
            }[];
            /** @enum {string} */
            sex: "M" | "F" | "X" | "unknown";
            birthDate?: string;
            birthDateEstimated?: boolean;
            birthPlace?: string;
            separation?: {
                /** @enum {string} */
                category: "deported" | "forcibly-transferred" | "evacuated-without-parents" | "separated-across-line" | "other";
                date?: string;
                place?: string;
                lastKnownLocation?: string;
            };
            family?: {
                /** @enum {string} */
                relation: "mother" | "father" | "sibling" | "grandparent" | "aunt-uncle" | "other-relative" | "legal-guardian" | "foster-parent" | "other";
                given?: string;
                family?: string;
                patronymic?: string;
                birthDate?: string;
                /** @default false */
                legalGuardian: boolean;
                contact?: {
                    phone?: string;
                    email?: string;
                    address?: string;
                    other?: string;
                };
            }[];
            consent?: {
                forTracing: boolean;
                forSharing: boolean;
                /** @enum {string} */
                givenBy: "guardian" | "person";
                guardianName?: string;
                date?: string;
            };
            legalBasis?: {
                /** @enum {string} */
                basis: "court-order" | "statutory-mandate" | "channel-agreement" | "vital-interests";
                reference: string;
            };
            childViews?: string;
            notes?: string;
            health?: string;
            biography: string;
            /** @default [] */
            nameChanges: {
                from?: string;
                to: string;
                date?: string;
                authority?: string;
            }[];
            /** @default [] */
            citizenshipChanges: {
                citizenship: string;
                date?: string;
                authority?: string;
            }[];
            /** @default [] */
            services: {
                /** @enum {string} */
                kind: "social" | "medical" | "psychological" | "educational" | "legal" | "other";
                /** @enum {string} */
                providerType: "state-institution" | "municipal" | "ngo" | "private" | "foster-family" | "other";
                from?: string;
                until?: string;
                summary: string;
            }[];
            placement?: {
                /** @enum {string} */
                kind: "institution" | "foster-family" | "adoptive-family" | "relatives" | "other";
                since?: string;
                name?: string;
                locality?: string;
                address?: string;
            };
            to?: string;
            mediator?: string;
            /** @description Idempotency key chosen by the client; in a list, each item's own (else the Idempotency-Key header with `:N` appended) */
            clientId?: string;
        } | {
            names: {
                given?: string;
                family?: string;
                patronymic?: string;
                /** @enum {string} */
                script?: "Cyrl" | "Latn" | "other";
                lang?: string;
                /** @enum {string} */
                kind?: "birth" | "current" | "alias" | "new-after-deportation" | "transliteration";
            }[];
            /** @enum {string} */
            sex: "M" | "F" | "X" | "unknown";
            birthDate?: string;
            birthDateEstimated?: boolean;
            birthPlace?: string;
            separation?: {
                /** @enum {string} */
                category: "deported" | "forcibly-transferred" | "evacuated-without-parents" | "separated-across-line" | "other";
                date?: string;
                place?: string;
                lastKnownLocation?: string;
            };
            family?: {
                /** @enum {string} */
                relation: "mother" | "father" | "sibling" | "grandparent" | "aunt-uncle" | "other-relative" | "legal-guardian" | "foster-parent" | "other";
                given?: string;
                family?: string;
                patronymic?: string;
                birthDate?: string;
                /** @default false */
                legalGuardian: boolean;
                contact?: {
                    phone?: string;
                    email?: string;
                    address?: string;
                    other?: string;
                };
            }[];
            consent?: {
                forTracing: boolean;
                forSharing: boolean;
                /** @enum {string} */
                givenBy: "guardian" | "person";
                guardianName?: string;
                date?: string;
            };
            legalBasis?: {
                /** @enum {string} */
                basis: "court-order" | "statutory-mandate" | "channel-agreement" | "vital-interests";
                reference: string;
            };
            childViews?: string;
            notes?: string;
            health?: string;
            biography: string;
            /** @default [] */
            nameChanges: {
                from?: string;
                to: string;
                date?: string;
                authority?: string;
            }[];
            /** @default [] */
            citizenshipChanges: {
                citizenship: string;
                date?: string;
                authority?: string;
            }[];
            /** @default [] */
            services: {
                /** @enum {string} */
                kind: "social" | "medical" | "psychological" | "educational" | "legal" | "other";
                /** @enum {string} */
                providerType: "state-institution" | "municipal" | "ngo" | "private" | "foster-family" | "other";
                from?: string;
                until?: string;
                summary: string;
            }[];
            placement?: {
                /** @enum {string} */
                kind: "institution" | "foster-family" | "adoptive-family" | "relatives" | "other";
                since?: string;
                name?: string;
                locality?: string;
                address?: string;
            };
            to?: string;
            mediator?: string;
            /** @description Idempotency key chosen by the client; in a list, each item's own (else the Idempotency-Key header with `:N` appended) */
            clientId?: string;
        }[];
        Disclosure: {
            caseId: string;
            party: string;
            /** @enum {string} */
            view: "full" | "shared" | "mediator" | "auditor";
            version: number;
            disclosedAt: string;
            photos: string[];
            biography?: string;
            nameChanges?: {
                from?: string;
                to: string;
                date?: string;
                authority?: string;
            }[];
            citizenshipChanges?: {
                citizenship: string;
                date?: string;
                authority?: string;
            }[];
            services?: {
                /** @enum {string} */
                kind: "social" | "medical" | "psychological" | "educational" | "legal" | "other";
                /** @enum {string} */
                providerType: "state-institution" | "municipal" | "ngo" | "private" | "foster-family" | "other";
                from?: string;
                until?: string;
                summary: string;
            }[];
            placement?: {
                /** @enum {string} */
                kind: "institution" | "foster-family" | "adoptive-family" | "relatives" | "other";
                since?: string;
                name?: string;
                locality?: string;
                address?: string;
            };
        };
        NewTracingRequest: {
            names: {
                given?: string;
                family?: string;
                patronymic?: string;
                /** @enum {string} */
                script?: "Cyrl" | "Latn" | "other";
                lang?: string;
                /** @enum {string} */
                kind?: "birth" | "current" | "alias" | "new-after-deportation" | "transliteration";
            }[];
            /** @enum {string} */
            sex: "M" | "F" | "X" | "unknown";
            birthDate?: string;
            birthDateEstimated?: boolean;
            birthPlace?: string;
            separation?: {
                /** @enum {string} */
                category: "deported" | "forcibly-transferred" | "evacuated-without-parents" | "separated-across-line" | "other";
                date?: string;
                place?: string;
                lastKnownLocation?: string;
            };
            family?: {
                /** @enum {string} */
                relation: "mother" | "father" | "sibling" | "grandparent" | "aunt-uncle" | "other-relative" | "legal-guardian" | "foster-parent" | "other";
                given?: string;
                family?: string;
                patronymic?: string;
                birthDate?: string;
                /** @default false */
                legalGuardian: boolean;
                contact?: {
                    phone?: string;
                    email?: string;
                    address?: string;
                    other?: string;
                };
            }[];
            consent?: {
                forTracing: boolean;
                forSharing: boolean;
                /** @enum {string} */
                givenBy: "guardian" | "person";
                guardianName?: string;
                date?: string;
            };
            legalBasis?: {
                /** @enum {string} */
                basis: "court-order" | "statutory-mandate" | "channel-agreement" | "vital-interests";
                reference: string;
            };
            childViews?: string;
            notes?: string;
            health?: string;
            to: string;
            mediator?: string;
            /** @description Idempotency key chosen by the client; in a list, each item's own (else the Idempotency-Key header with `:N` appended) */
            clientId?: string;
        } | {
            names: {
                given?: string;
                family?: string;
                patronymic?: string;
                /** @enum {string} */
                script?: "Cyrl" | "Latn" | "other";
                lang?: string;
                /** @enum {string} */
                kind?: "birth" | "current" | "alias" | "new-after-deportation" | "transliteration";
            }[];
            /** @enum {string} */
            sex: "M" | "F" | "X" | "unknown";
            birthDate?: string;
            birthDateEstimated?: boolean;
            birthPlace?: string;
            separation?: {
                /** @enum {string} */
                category: "deported" | "forcibly-transferred" | "evacuated-without-parents" | "separated-across-line" | "other";
                date?: string;
                place?: string;
                lastKnownLocation?: string;
            };
            family?: {
                /** @enum {string} */
                relation: "mother" | "father" | "sibling" | "grandparent" | "aunt-uncle" | "other-relative" | "legal-guardian" | "foster-parent" | "other";
                given?: string;
                family?: string;
                patronymic?: string;
                birthDate?: string;
                /** @default false */
                legalGuardian: boolean;
                contact?: {
                    phone?: string;
                    email?: string;
                    address?: string;
                    other?: string;
                };
            }[];
            consent?: {
                forTracing: boolean;
                forSharing: boolean;
                /** @enum {string} */
                givenBy: "guardian" | "person";
                guardianName?: string;
                date?: string;
            };
            legalBasis?: {
                /** @enum {string} */
                basis: "court-order" | "statutory-mandate" | "channel-agreement" | "vital-interests";
                reference: string;
            };
            childViews?: string;
            notes?: string;
            health?: string;
            to: string;
            mediator?: string;
            /** @description Idempotency key chosen by the client; in a list, each item's own (else the Idempotency-Key header with `:N` appended) */
            clientId?: string;
        }[];
        TracingRequestList: {
            items: {
                case: components["schemas"]["CaseSummary"];
                to: string;
                mediator?: string;
                requestedAt: string;
                candidates: {
                    id: string;
                    status: string;
                    probability: number;
                    holdingCase?: string;
                    tracingCase?: string;
                }[];
            }[];
            total: number;
        };
        PhotoCreated: {
            id: string;
        };
        AccessLog: {
            items: {
                id: string;
                at: string;
                userId: string;
                partyId: string;
                role: string;
                caseId: string;
                kind: string;
                purpose: string | null;
            }[];
            total: number;
        };
        Thread: {
            id: string;
            subject: components["schemas"]["ThreadSubject"];
            title: string;
            /** @description Every party of the thread, the mediator's included */
            parties: string[];
            mediator: string;
            openedBy: {
                party: string;
                user: string;
            };
            createdAt: string;
            lastMessageAt: string | null;
            messageCount: number;
            /** @description Messages the caller has not marked read */
            unread: number;
        };
        ThreadSubject: {
            /** @enum {string} */
            kind: "case" | "batch";
            id: string;
        };
        NewThread: {
            subject: {
                /** @enum {string} */
                kind: "case" | "batch";
                /** Format: uuid */
                id: string;
            };
            parties: string[];
            mediator?: string;
            title: string;
            /** @description Idempotency key chosen by the client (or the Idempotency-Key header) */
            clientId?: string;
        };
        ThreadList: {
            items: components["schemas"]["Thread"][];
            total: number;
        };
        ThreadMessageList: {
            items: components["schemas"]["ThreadMessage"][];
            total: number;
        };
        ThreadMessage: {
            id: string;
            thread: string;
            seq: number;
            party: string;
            user: string;
            role: string;
            at: string;
            text: string;
            attachments: components["schemas"]["AttachmentMeta"][];
            /** @description SHA-256 of the message's canonical document; the signed log entry at logIndex holds it */
            hash: string;
            logIndex: number;
            readBy: {
                party: string;
                user: string;
                at: string;
            }[];
        };
        AttachmentMeta: {
            id: string;
            filename: string;
            contentType: string;
            size: number;
            sha256: string;
        };
        NewThreadMessage: {
            text: string;
            /** @default [] */
            attachments: {
                filename: string;
                contentType: string;
                data: string;
            }[];
            /** @description Idempotency key chosen by the client (or the Idempotency-Key header) */
            clientId?: string;
        };
        ThreadReadResult: {
            marked: number;
        };
        ThreadRead: {
            /** @description The last message read: it and every earlier one are marked */
            upTo: string;
        };
        Annotation: {
            id: string;
            caseId: string;
            party: string;
            user: string;
            at: string;
            text: string;
            hash: string;
            logIndex: number;
        };
        NewAnnotation: {
            text: string;
            /** @description Idempotency key chosen by the client (or the Idempotency-Key header) */
            clientId?: string;
        };
        AnnotationList: {
            items: components["schemas"]["Annotation"][];
        };
        HealthRecordStored: {
            version: number;
            changed: boolean;
        };
        KeptCosignatures: {
            kept: string[];
        };
        LogWitnesses: {
            log: {
                origin: string;
                /** @description The log's checkpoint key as a C2SP verifier key (type 0x01) */
                vkey: string;
            };
            witnesses: components["schemas"]["Witness"][];
        };
        Witness: {
            name: string;
            vkey: string;
        };
        AddWitness: {
            vkey: string;
        };
        Dashboard: {
            /** @description States with no case are left out */
            byStatus: {
                status: string;
                count: number;
            }[];
            total: number;
            adultTrack: number;
            turning18: {
                withinDays: number;
                count: number;
            };
            reviewsWaiting: number;
            overduePostReturnChecks: number;
            months: {
                /** @example 2026-05 */
                month: string;
                registered: number;
                returned: number;
            }[];
        };
        CsvImportResult: {
            created: number;
            /** @description Rows whose record_id was imported before (nothing changed) */
            existing: number;
            rejected: {
                /** @description The row's line in the file sent (the header is line 1) */
                line: number;
                reason: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Login"];
            };
        };
        responses: {
            /** @description Logged in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong username or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed attempts: wait Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCases: {
        parameters: {
            query?: {
                /** @description Any name in any script: Oleksandr Kovalenko, Олександр Коваленко and Александр Коваленко find the same child. */
                q?: string;
                /** @description One status or several, comma-separated. */
                status?: string;
                /** @description adult: cases on the adult track (the person is 18 or over and their own consent counts); child: the others */
                track?: "adult" | "child";
                /** @description Open cases not yet on the adult track whose person certainly turns 18 within this many days */
                turning18Within?: number;
                /** @description Items per page, 1 to 500 */
                limit?: number;
                /** @description Items to skip (default 0) */
                offset?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cases */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseList"];
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen id that makes the request safe to repeat (same as the body's clientId). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewCase"];
            };
        };
        responses: {
            /** @description Created (or replayed) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Created"];
                };
            };
            /** @description Invalid body; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not register cases */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordCaseAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen id that makes the request safe to repeat (same as the body's clientId). */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionRequest"];
            };
        };
        responses: {
            /** @description The step was taken (or had been: replayed) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionResult"];
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may see the case but not take this step */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The case changed since expectedVersion, or the step is not possible from its status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The step breaks a rule of the case */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCaseHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["History"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMatches: {
        parameters: {
            query?: {
                /** @description pending; awaiting-you (pending, your party has not decided); agreed; rejected; decided (agreed or rejected) */
                status?: "pending" | "awaiting-you" | "agreed" | "rejected" | "decided";
                /** @description Items per page, 1 to 500 */
                limit?: number;
                /** @description Items to skip (default 0) */
                offset?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of candidates, most probable first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchCandidateList"];
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not review matches */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The candidate */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchCandidateDetail"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not review matches */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such candidate */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMatchingModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model in use */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchModel"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins and auditors only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    trainMatchingModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was learned, and the model now in use */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchModelTraining"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideMatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MatchDecision"];
            };
        };
        responses: {
            /** @description The decision is recorded (or had been) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        replayed: boolean;
                        candidate: components["schemas"]["MatchCandidate"];
                    };
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may see the candidate but not decide on it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such candidate */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The party already decided otherwise, or the candidate is already rejected or agreed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rejection needs a reason */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Public keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerKeys"];
                };
            };
        };
    };
    getLog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log's head */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerInfo"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLogEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                index: number | null;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry as it is in the log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerEntry"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such entry */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInclusionProof: {
        parameters: {
            query?: {
                index?: number | null;
                size?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Inclusion proof */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InclusionProof"];
                };
            };
            /** @description No such entry or size */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsistencyProof: {
        parameters: {
            query?: {
                from?: number | null;
                to?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Consistency proof */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsistencyProof"];
                };
            };
            /** @description No such sizes */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Checkpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerCheckpoint"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No checkpoint yet */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportLog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/jsonl": string;
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCaseReports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["VerificationReport"][];
                    };
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    draftReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "identity" | "post-return";
                    /** @default en */
                    language?: string;
                    content: {
                        identityEvidence: string;
                        familyEvidence?: string;
                        viewsAndConsent?: string;
                        separation?: string;
                        healthOverviewRef?: string;
                        welfareCheck?: string;
                    };
                    clientId: string;
                };
            };
        };
        responses: {
            /** @description The drafted report */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationReport"];
                };
            };
            /** @description Invalid report */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationReport"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such report */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report with the new signature */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationReport"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not sign reports */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such report */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already signed in this role, or the mediator came too early */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSignedReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such report */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    scope: "party" | "personal";
                };
            };
        };
        responses: {
            /** @description The new key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description SHA-256 of the raw public key */
                        id: string;
                        /** @enum {string} */
                        algorithm: "ed25519";
                        party: string;
                        user?: string;
                        /** @description 32 bytes, lowercase hex */
                        publicKey: string;
                    };
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an admin of the person's party */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such person */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReportPdf: {
        parameters: {
            query?: {
                lang?: "en" | "uk" | "ru";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such report */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkpoint with all its co-signatures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerCheckpoint"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not sign for its party */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCaseLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Opening and steps */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseLog"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBatches: {
        parameters: {
            query?: {
                status?: "planned" | "confirmed" | "in-transit" | "completed" | "postponed" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Batches */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchList"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createBatch: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewBatch"];
            };
        };
        responses: {
            /** @description Planned */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only the mediator plans */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A party is not a tracing or holding authority */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The batch */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such batch (or not one the caller's party is part of) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addBatchChild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchChildRef"];
            };
        };
        responses: {
            /** @description The batch */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only the mediator adds children */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such batch (or not one the caller's party is part of) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A step is missing (named in missingStep) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BatchStepProblem"];
                };
            };
        };
    };
    moveBatch: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchTransition"];
            };
        };
        responses: {
            /** @description The batch */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only the mediator moves a batch */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such batch (or not one the caller's party is part of) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A step is missing (named in missingStep) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BatchStepProblem"];
                };
            };
            /** @description A reason or date is missing */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmHandover: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchHandover"];
            };
        };
        responses: {
            /** @description The batch */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only the sending and receiving parties confirm */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such batch (or not one the caller's party is part of) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A step is missing (named in missingStep) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BatchStepProblem"];
                };
            };
            /** @description The day is not a past date */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPostReturnChecks: {
        parameters: {
            query?: {
                overdue?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Checks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostReturnCheckList"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportPfif: {
        parameters: {
            query?: {
                /** @description Domain of the record ids (default PARTY.homeward.local) */
                domain?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PFIF 1.4 XML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importPfif: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/xml": string;
            };
        };
        responses: {
            /** @description What was imported and what was rejected */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PfifImportResult"];
                };
            };
            /** @description Not a PFIF 1.4 document */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not create cases */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statistics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicStats"];
                };
            };
        };
    };
    getStatsCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
        };
    };
    createDisclosures: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen id that makes the request safe to repeat (same as the body's clientId). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewDisclosure"];
            };
        };
        responses: {
            /** @description Created (or replayed) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedOneOrMany"];
                };
            };
            /** @description Invalid body; `errors` names each item and field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or party may not disclose */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule of the case is broken (e.g. an unknown party) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDisclosure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The disclosure */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Disclosure"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case, or nothing disclosed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTracingRequests: {
        parameters: {
            query?: {
                /** @description Items per page, 1 to 500 */
                limit?: number;
                /** @description Items to skip (default 0) */
                offset?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of requests, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TracingRequestList"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTracingRequests: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen id that makes the request safe to repeat (same as the body's clientId). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewTracingRequest"];
            };
        };
        responses: {
            /** @description Created (or replayed) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    } | {
                        ids: string[];
                    };
                };
            };
            /** @description Invalid body; `errors` names each item and field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or party may not request tracing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule of the case is broken (e.g. an unknown party) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addPhoto: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen id that makes the request safe to repeat (same as the body's clientId). */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/heic": string;
            };
        };
        responses: {
            /** @description Stored (or replayed) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoCreated"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may see the case but not add photos */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an accepted image type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file is damaged or not an image */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPhoto: {
        parameters: {
            query?: {
                size?: "full" | "thumb";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image, without any metadata */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such photo, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAccessLog: {
        parameters: {
            query?: {
                /** @description Only reads of this case */
                caseId?: string;
                /** @description Only reads made by this party's people */
                partyId?: string;
                /** @description Only reads made by this user */
                userId?: string;
                /** @description Reads at or after this time (ISO 8601) */
                from?: string;
                /** @description Reads before this time (ISO 8601) */
                to?: string;
                /** @description Items per page, 1 to 500 */
                limit?: number;
                /** @description Items to skip (default 0) */
                offset?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Access log entries, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessLog"];
                };
            };
            /** @description Invalid filter; `errors` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins and auditors only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportAccessLog: {
        parameters: {
            query?: {
                /** @description Only reads of this case */
                caseId?: string;
                /** @description Only reads made by this party's people */
                partyId?: string;
                /** @description Only reads made by this user */
                userId?: string;
                /** @description Reads at or after this time (ISO 8601) */
                from?: string;
                /** @description Reads before this time (ISO 8601) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV: id, at, user_id, party_id, role, case_id, case_party_id, kind, purpose */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid filter; `errors` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins and auditors only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listThreads: {
        parameters: {
            query?: {
                subjectKind?: "case" | "batch";
                subjectId?: string;
                /** @description Items per page, 1 to 500 */
                limit?: number;
                /** @description Items to skip (default 0) */
                offset?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Threads */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadList"];
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A subject filter needs both kind and id */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openThread: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen id that makes the request safe to repeat (same as the body's clientId). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewThread"];
            };
        };
        responses: {
            /** @description Opened (or replayed) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Thread"];
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not open threads, or a party named another side */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case or batch, or not one the caller sees */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A party does not work the subject, or the thread has the wrong shape */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getThread: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thread */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Thread"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such thread, or the caller is not one of its people (or no longer sees its subject) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listThreadMessages: {
        parameters: {
            query?: {
                /** @description Items per page, 1 to 500 */
                limit?: number;
                /** @description Items to skip (default 0) */
                offset?: number | null;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadMessageList"];
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such thread, or the caller is not one of its people (or no longer sees its subject) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postThreadMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen id that makes the request safe to repeat (same as the body's clientId). */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewThreadMessage"];
            };
        };
        responses: {
            /** @description Posted (or replayed) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadMessage"];
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such thread, or the caller is not one of its people (or no longer sees its subject) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A file is empty, too large or not the image it claims */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markThreadRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ThreadRead"];
            };
        };
        responses: {
            /** @description How many messages were newly marked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadReadResult"];
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such thread, or the caller is not one of its people (or no longer sees its subject) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a message of this thread */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getThreadAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such thread, or the caller is not one of its people (or no longer sees its subject) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAnnotations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Annotations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnotationList"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only the mediator reads its annotations */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    annotateCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Client-chosen id that makes the request safe to repeat (same as the body's clientId). */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewAnnotation"];
            };
        };
        responses: {
            /** @description Added (or replayed) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Annotation"];
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only the mediator annotates */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHealthSummary: {
        parameters: {
            query: {
                /** @description Purpose of use (HL7 v3 ActReason): the consent must name it */
                purpose: "TREAT" | "COC" | "CAREMGT" | "FAMRQT" | "PUBHLTH" | "HLEGAL";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An IPS document Bundle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        resourceType: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid purpose */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The consent does not release the summary to the caller for this purpose (the reason is given) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case, or no summary */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putHealthSummary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/fhir+json": {
                    resourceType: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Recorded (changed: false when it was already) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthRecordStored"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not the party holding the record */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource is not valid FHIR R4 or breaks the document's rules; `errors` lists every issue */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHealthConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A FHIR Consent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        resourceType: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case, or no consent */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putHealthConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/fhir+json": {
                    resourceType: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthRecordStored"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not the party holding the record */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The resource is not valid FHIR R4 or breaks the document's rules; `errors` lists every issue */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawHealthConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthRecordStored"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not the party holding the record */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such case, or no consent */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCheckpointNote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The co-signed checkpoint note */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    getNoteConsistency: {
        parameters: {
            query?: {
                old?: number | null;
                new?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Proof lines */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The sizes are out of range */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addCosignatures: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/plain": string;
            };
        };
        responses: {
            /** @description The witnesses whose co-signatures were kept */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeptCosignatures"];
                };
            };
            /** @description Not a signed note */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a checkpoint this log published, or no registered witness's valid co-signature */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWitnesses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Log key and witnesses */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogWitnesses"];
                };
            };
        };
    };
    addWitness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddWitness"];
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Witness"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an Ed25519 co-signature verifier key */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDashboard: {
        parameters: {
            query?: {
                /** @description Days ahead for children turning 18 (default 90) */
                turning18Within?: number;
                /** @description Months of registrations and returns, this one included (default 12) */
                months?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "cases" | "disclosures" | "tracing-requests";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description Imported, with the rejected rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CsvImportResult"];
                };
            };
            /** @description Not a CSV this import reads (the header is named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not logged in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not import */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
