using OrdinanceRules.Facts;

namespace OrdinanceRules.Vocabularies;

/// <summary>
/// Typed shortcuts for stating the facts of the standard <c>immigration-cooperation</c> vocabulary
/// (OrdinanceRules.Yaml's <c>StandardVocabularies.ImmigrationCooperation</c>) on a <see cref="ScenarioBuilder"/>, one
/// method a fact type, one named optional parameter a field.
/// </summary>
/// <remarks>
/// <para>
/// Each method adds one fact through <see cref="ScenarioBuilder.Fact"/>, so the builder checks it at
/// <see cref="ScenarioBuilder.Build"/> against the builder's own vocabulary, as it checks a YAML scenario:
/// an enumeration value outside the vocabulary's list, a reference to a missing fact or an ambiguous local
/// time is reported there, with every other problem.
/// </para>
/// <para>
/// Parameters are named after the vocabulary's fields. A null argument leaves the field absent (an absent
/// yes/no reads as no). Enumeration values and set members are the vocabulary's kebab-case strings, as in
/// YAML (docs/decisions/0009-typed-scenario-facts.md says why they are not C# enums); references are the
/// other fact's id. <c>unknown</c> names fields whose value is stated as not known; <c>fields</c> sets further
/// fields, such as those an ordinance adds to a type under <c>vocabulary: types:</c>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var scenario = new ScenarioBuilder(ordinance.Vocabulary, ordinance.Jurisdiction.TimeZone)
///     .Agency("ICE-ERO", level: "federal", component: "ice-ero", enforcesImmigration: true)
///     .Agency("RPPD", level: "city", component: "city-department", isCityDepartment: true)
///     .Request("req-1", from: "ICE-ERO", to: "RPPD", kind: "hold-custody", receivedAt: received)
///     .Build();
/// </code>
/// </example>
public static class ImmigrationCooperationFacts
{
    /// <summary>Adds an <c>agency</c>: a government body or one of its components, such as a city police department, a city department, or a federal component like ICE-ERO or CBP.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="name">The agency's name as usually written.</param>
    /// <param name="level">The level of government it belongs to. One of: <c>federal</c>, <c>state</c>, <c>county</c>, <c>city</c>.</param>
    /// <param name="component">What kind of body it is; ice stands for ICE itself or an ICE component not listed. One of: <c>ice</c>, <c>ice-ero</c>, <c>ice-hsi</c>, <c>cbp</c>, <c>uscis</c>, <c>usms</c>, <c>fbi</c>, <c>dea</c>, <c>atf</c>, <c>other-federal</c>, <c>state-agency</c>, <c>county-sheriff</c>, <c>county-department</c>, <c>city-department</c>, <c>other</c>.</param>
    /// <param name="enforcesImmigration">Yes when its field work enforces immigration law (ICE and its components, CBP); no for USCIS (benefits), USMS, FBI, DEA and local bodies.</param>
    /// <param name="parent">The id of an <c>agency</c>: the body it is part of, such as ICE for ICE-ERO or the City for its police department.</param>
    /// <param name="isCityDepartment">Yes when it is a department or office of the city whose ordinance is being applied (including its police).</param>
    /// <param name="jurisdiction">The place it belongs to, such as Roeland Park, Kansas, or United States.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Agency(
        this ScenarioBuilder builder,
        string id,
        string? name = null,
        string? level = null,
        string? component = null,
        bool? enforcesImmigration = null,
        string? parent = null,
        bool? isCityDepartment = null,
        string? jurisdiction = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("agency", id, f => Complete(
            f
                .Set("name", name)
                .Set("level", level)
                .Set("component", component)
                .Set("enforcesImmigration", enforcesImmigration)
                .Set("parent", parent)
                .Set("isCityDepartment", isCityDepartment)
                .Set("jurisdiction", jurisdiction),
            unknown,
            fields));
    }

    /// <summary>Adds an <c>official</c>: a person acting for an agency, such as a police officer, a records clerk or a department head.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="name">The official's name or a placeholder.</param>
    /// <param name="agency">The id of an <c>agency</c>: the agency the official works for.</param>
    /// <param name="role">The official's position. One of: <c>sworn-officer</c>, <c>supervisor</c>, <c>police-chief</c>, <c>civilian-staff</c>, <c>records-clerk</c>, <c>dispatcher</c>, <c>jail-staff</c>, <c>city-clerk</c>, <c>city-administrator</c>, <c>department-head</c>, <c>front-desk-staff</c>, <c>hr-officer</c>, <c>probation-officer</c>, <c>task-force-member</c>, <c>federal-agent</c>, <c>contractor</c>, <c>elected-official</c>, <c>other</c>.</param>
    /// <param name="onDuty">Whether the official was acting on duty (in an official capacity) at the time.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Official(
        this ScenarioBuilder builder,
        string id,
        string? name = null,
        string? agency = null,
        string? role = null,
        bool? onDuty = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("official", id, f => Complete(
            f
                .Set("name", name)
                .Set("agency", agency)
                .Set("role", role)
                .Set("onDuty", onDuty),
            unknown,
            fields));
    }

    /// <summary>Adds a <c>person</c>: a person whom an act, request, decision or question is about.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="name">The person's name or a placeholder.</param>
    /// <param name="residentOf">Where the person lives, such as Roeland Park.</param>
    /// <param name="citizenship">Whether the person is a U.S. citizen. One of: <c>us</c>, <c>non-us</c>.</param>
    /// <param name="immigrationStatus">The person's actual immigration status. One of: <c>us-citizen</c>, <c>lawful-permanent-resident</c>, <c>nonimmigrant</c>, <c>refugee-or-asylee</c>, <c>tps</c>, <c>daca</c>, <c>pending-application</c>, <c>no-status</c>, <c>other</c>.</param>
    /// <param name="chargedAt">When the person was first charged with a crime (arrested on a charge, cited, or a complaint filed); absent if never charged.</param>
    /// <param name="inCustodyOf">The id of an <c>agency</c>: the agency holding the person in custody, if any.</param>
    /// <param name="releaseEligibleAt">When the person became, or becomes, eligible for release from local custody.</param>
    /// <param name="address">The person's home or work address (California's SB 54 forbids giving it to immigration authorities unless it is public).</param>
    /// <param name="placeOfBirth">Where the person was born, such as a country.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Person(
        this ScenarioBuilder builder,
        string id,
        string? name = null,
        string? residentOf = null,
        string? citizenship = null,
        string? immigrationStatus = null,
        DateTimeOffset? chargedAt = null,
        string? inCustodyOf = null,
        DateTimeOffset? releaseEligibleAt = null,
        string? address = null,
        string? placeOfBirth = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("person", id, f => Complete(
            f
                .Set("name", name)
                .Set("residentOf", residentOf)
                .Set("citizenship", citizenship)
                .Set("immigrationStatus", immigrationStatus)
                .Set("chargedAt", chargedAt)
                .Set("inCustodyOf", inCustodyOf)
                .Set("releaseEligibleAt", releaseEligibleAt)
                .Set("address", address)
                .Set("placeOfBirth", placeOfBirth),
            unknown,
            fields));
    }

    /// <summary>Adds a <c>document</c>: a legal paper that comes with a request or governs an act, such as a warrant, a detainer, a court order or an agreement.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="type">What the document is; I-200 and I-205 are administrative warrants signed by immigration officers, not judges. One of: <c>judicial-arrest-warrant</c>, <c>judicial-search-warrant</c>, <c>court-order</c>, <c>grand-jury-subpoena</c>, <c>administrative-subpoena</c>, <c>administrative-warrant-i200</c>, <c>administrative-warrant-i205</c>, <c>detainer-i247a</c>, <c>notification-request</c>, <c>transfer-request</c>, <c>ncic-immigration-hit</c>, <c>agreement-287g</c>, <c>memorandum-of-understanding</c>, <c>other</c>.</param>
    /// <param name="issuerRole">Who signed or issued it. One of: <c>judge</c>, <c>magistrate-judge</c>, <c>immigration-officer</c>, <c>prosecutor</c>, <c>clerk</c>, <c>grand-jury</c>, <c>other</c>.</param>
    /// <param name="issuingAgency">The id of an <c>agency</c>: the agency or court office that issued it.</param>
    /// <param name="issuedAt">When it was issued.</param>
    /// <param name="subject">The id of a <c>person</c>: the person it concerns.</param>
    /// <param name="basis">The law it rests on: a civil immigration matter, an immigration crime (such as 8 U.S.C. § 1326), or another crime. One of: <c>civil-immigration</c>, <c>criminal-immigration</c>, <c>criminal-other</c>.</param>
    /// <param name="legallyCompels">Yes when it legally compels the recipient to act (for example a court order or subpoena directed to the recipient); a detainer or an administrative warrant does not.</param>
    /// <param name="accompaniedBy">The id of a <c>document</c>: another document attached to it, such as the I-200 sent with a detainer.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Document(
        this ScenarioBuilder builder,
        string id,
        string? type = null,
        string? issuerRole = null,
        string? issuingAgency = null,
        DateTimeOffset? issuedAt = null,
        string? subject = null,
        string? basis = null,
        bool? legallyCompels = null,
        string? accompaniedBy = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("document", id, f => Complete(
            f
                .Set("type", type)
                .Set("issuerRole", issuerRole)
                .Set("issuingAgency", issuingAgency)
                .Set("issuedAt", issuedAt)
                .Set("subject", subject)
                .Set("basis", basis)
                .Set("legallyCompels", legallyCompels)
                .Set("accompaniedBy", accompaniedBy),
            unknown,
            fields));
    }

    /// <summary>Adds a <c>request</c>: a request from one agency to another (or to one of its officials) to do something, such as a detainer, a request for information or for help with an operation.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="from">The id of an <c>agency</c>: the agency asking.</param>
    /// <param name="to">The id of an <c>agency</c>: the agency asked.</param>
    /// <param name="toOfficial">The id of an <c>official</c>: the official the request was addressed to, if one was.</param>
    /// <param name="receivedAt">When the request reached the agency asked.</param>
    /// <param name="readAt">When someone at the agency asked first read it.</param>
    /// <param name="channel">How the request arrived. One of: <c>email</c>, <c>fax</c>, <c>phone</c>, <c>in-person</c>, <c>ncic</c>, <c>letter</c>, <c>radio</c>, <c>other</c>.</param>
    /// <param name="kind">What is asked: hold a person, notify of release, hand over custody, give status, personal or custody information, give access to a person, use a facility, control traffic, give on-site backup, transport, lend personnel, join an operation, sign an agreement. One of: <c>hold-custody</c>, <c>notify-release</c>, <c>transfer-custody</c>, <c>info-status</c>, <c>info-personal</c>, <c>info-custody</c>, <c>access-person</c>, <c>use-facility</c>, <c>traffic-control</c>, <c>on-site-backup</c>, <c>transport</c>, <c>personnel</c>, <c>join-operation</c>, <c>enter-agreement</c>, <c>other</c>.</param>
    /// <param name="document">The id of a <c>document</c>: the legal paper that came with the request, if any.</param>
    /// <param name="subject">The id of a <c>person</c>: the person the request is about, if any.</param>
    /// <param name="operation">The id of an <c>operation</c>: the federal operation the request is part of, if any.</param>
    /// <param name="statedPurpose">The purpose the requesting agency gave. One of: <c>civil-immigration</c>, <c>criminal-immigration</c>, <c>criminal-other</c>, <c>public-safety</c>, <c>unstated</c>.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Request(
        this ScenarioBuilder builder,
        string id,
        string? from = null,
        string? to = null,
        string? toOfficial = null,
        DateTimeOffset? receivedAt = null,
        DateTimeOffset? readAt = null,
        string? channel = null,
        string? kind = null,
        string? document = null,
        string? subject = null,
        string? operation = null,
        string? statedPurpose = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("request", id, f => Complete(
            f
                .Set("from", from)
                .Set("to", to)
                .Set("toOfficial", toOfficial)
                .Set("receivedAt", receivedAt)
                .Set("readAt", readAt)
                .Set("channel", channel)
                .Set("kind", kind)
                .Set("document", document)
                .Set("subject", subject)
                .Set("operation", operation)
                .Set("statedPurpose", statedPurpose),
            unknown,
            fields));
    }

    /// <summary>Adds an <c>action</c>: one act of a local agency or official: an arrest, a hold, a disclosure, backup at a scene, the use of a facility, a refusal of a request, and so on. Provisions about conduct are judged act by act.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="by">The id of an <c>official</c>: the official who acted.</param>
    /// <param name="agency">The id of an <c>agency</c>: the agency the official acted for.</param>
    /// <param name="kind">What was done; decline-request is a refusal of a request. One of: <c>arrest</c>, <c>detain</c>, <c>continue-detention</c>, <c>release</c>, <c>transfer-custody</c>, <c>transport</c>, <c>share-information</c>, <c>grant-access</c>, <c>allow-facility-use</c>, <c>traffic-control</c>, <c>on-site-backup</c>, <c>assign-personnel</c>, <c>join-operation</c>, <c>sign-agreement</c>, <c>inquire-status</c>, <c>decline-request</c>, <c>respond-to-call</c>, <c>other</c>.</param>
    /// <param name="start">When the act began.</param>
    /// <param name="end">When the act ended.</param>
    /// <param name="inResponseTo">The id of a <c>request</c>: the request the act answered, if any (including a refusal).</param>
    /// <param name="operation">The id of an <c>operation</c>: the federal operation the act took place in or supported, if any.</param>
    /// <param name="beneficiary">The id of an <c>agency</c>: the agency the act helped, if it helped one; absent when it helped no other agency (for example a refusal).</param>
    /// <param name="subject">The id of a <c>person</c>: the person the act was about, if any.</param>
    /// <param name="purposes">Every purpose the act served: enforcing civil immigration law, immigration crimes, other crimes, public safety, answering a call for service, routine administration. Any of: <c>civil-immigration</c>, <c>criminal-immigration</c>, <c>criminal-other</c>, <c>public-safety</c>, <c>call-for-service</c>, <c>administrative</c>.</param>
    /// <param name="resources">The local resources the act used. Any of: <c>personnel</c>, <c>vehicles</c>, <c>facilities</c>, <c>funds</c>, <c>information</c>.</param>
    /// <param name="sharesStatusInformation">Yes when the act told another agency a person's citizenship or immigration status.</param>
    /// <param name="sharesOtherInformation">Yes when the act told another agency anything else about a person: release date or time, custody status, address, contact details, and so on.</param>
    /// <param name="voluntary">Yes when the official chose to act without being ordered or legally compelled; no when a superior's order or a legal compulsion made the official act.</param>
    /// <param name="compelledBy">The id of a <c>document</c>: the document that legally compelled the act, if any.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Action(
        this ScenarioBuilder builder,
        string id,
        string? by = null,
        string? agency = null,
        string? kind = null,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null,
        string? inResponseTo = null,
        string? operation = null,
        string? beneficiary = null,
        string? subject = null,
        IEnumerable<string>? purposes = null,
        IEnumerable<string>? resources = null,
        bool? sharesStatusInformation = null,
        bool? sharesOtherInformation = null,
        bool? voluntary = null,
        string? compelledBy = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("action", id, f => Complete(
            f
                .Set("by", by)
                .Set("agency", agency)
                .Set("kind", kind)
                .Set("start", start)
                .Set("end", end)
                .Set("inResponseTo", inResponseTo)
                .Set("operation", operation)
                .Set("beneficiary", beneficiary)
                .Set("subject", subject)
                .Set("purposes", purposes)
                .Set("resources", resources)
                .Set("sharesStatusInformation", sharesStatusInformation)
                .Set("sharesOtherInformation", sharesOtherInformation)
                .Set("voluntary", voluntary)
                .Set("compelledBy", compelledBy),
            unknown,
            fields));
    }

    /// <summary>Adds a <c>directive</c>: a local government's order to, or penalty on, one of its officials: the way a City can treat an official as obligated to act (an order to comply with a request, discipline for refusing one).</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="issuedBy">The id of an <c>official</c>: the official who gave the order or imposed the penalty.</param>
    /// <param name="to">The id of an <c>official</c>: the official ordered or penalized.</param>
    /// <param name="request">The id of a <c>request</c>: the request the directive is about, if any.</param>
    /// <param name="beneficiary">The id of an <c>agency</c>: the agency the ordered conduct would help, if any.</param>
    /// <param name="kind">order: a command to act; penalty: discipline, demotion, lost pay, an adverse review or similar for a refusal; guidance: advice that leaves the choice to the official. One of: <c>order</c>, <c>penalty</c>, <c>guidance</c>, <c>other</c>.</param>
    /// <param name="issuedAt">When the directive was given.</param>
    /// <param name="text">The directive's words, or a summary.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Directive(
        this ScenarioBuilder builder,
        string id,
        string? issuedBy = null,
        string? to = null,
        string? request = null,
        string? beneficiary = null,
        string? kind = null,
        DateTimeOffset? issuedAt = null,
        string? text = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("directive", id, f => Complete(
            f
                .Set("issuedBy", issuedBy)
                .Set("to", to)
                .Set("request", request)
                .Set("beneficiary", beneficiary)
                .Set("kind", kind)
                .Set("issuedAt", issuedAt)
                .Set("text", text),
            unknown,
            fields));
    }

    /// <summary>Adds an <c>operation</c>: a federal agency's field activity, such as an arrest, a search, a worksite raid, surveillance or staging, or a site visit.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="agency">The id of an <c>agency</c>: the federal agency conducting it.</param>
    /// <param name="kind">The kind of activity; site-visit is a benefits check such as a USCIS visit. One of: <c>arrest</c>, <c>search</c>, <c>raid</c>, <c>worksite</c>, <c>surveillance</c>, <c>staging</c>, <c>site-visit</c>, <c>custody-pickup</c>, <c>interview</c>, <c>other</c>.</param>
    /// <param name="insideCityLimits">Whether it takes place inside the city's limits.</param>
    /// <param name="location">Where it takes place.</param>
    /// <param name="plannedStart">When it was planned to begin.</param>
    /// <param name="actualStart">When it actually began; absent if it has not begun.</param>
    /// <param name="actualEnd">When it actually ended; absent if it has not ended (or never began).</param>
    /// <param name="status">Its status at the scenario's as-of instant. One of: <c>planned</c>, <c>ongoing</c>, <c>completed</c>, <c>cancelled</c>.</param>
    /// <param name="target">The id of a <c>person</c>: the person it is aimed at, if one.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Operation(
        this ScenarioBuilder builder,
        string id,
        string? agency = null,
        string? kind = null,
        bool? insideCityLimits = null,
        string? location = null,
        DateTimeOffset? plannedStart = null,
        DateTimeOffset? actualStart = null,
        DateTimeOffset? actualEnd = null,
        string? status = null,
        string? target = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("operation", id, f => Complete(
            f
                .Set("agency", agency)
                .Set("kind", kind)
                .Set("insideCityLimits", insideCityLimits)
                .Set("location", location)
                .Set("plannedStart", plannedStart)
                .Set("actualStart", actualStart)
                .Set("actualEnd", actualEnd)
                .Set("status", status)
                .Set("target", target),
            unknown,
            fields));
    }

    /// <summary>Adds an <c>awareness</c>: an agency's receipt of information that a federal operation is planned or under way.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="agency">The id of an <c>agency</c>: the agency that received the information.</param>
    /// <param name="receivedBy">The id of an <c>official</c>: the official who received it, if known.</param>
    /// <param name="operation">The id of an <c>operation</c>: the operation the information is about.</param>
    /// <param name="receivedAt">When the information reached the agency by any official channel (email, fax, phone, its officers' own presence), whether or not anyone read it.</param>
    /// <param name="readAt">When someone at the agency actually read or heard it.</param>
    /// <param name="channel">How the information arrived. One of: <c>email</c>, <c>fax</c>, <c>phone</c>, <c>in-person</c>, <c>officer-presence</c>, <c>radio</c>, <c>news-media</c>, <c>other</c>.</param>
    /// <param name="informedBy">The id of an <c>agency</c>: the agency that passed on the information, if any.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Awareness(
        this ScenarioBuilder builder,
        string id,
        string? agency = null,
        string? receivedBy = null,
        string? operation = null,
        DateTimeOffset? receivedAt = null,
        DateTimeOffset? readAt = null,
        string? channel = null,
        string? informedBy = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("awareness", id, f => Complete(
            f
                .Set("agency", agency)
                .Set("receivedBy", receivedBy)
                .Set("operation", operation)
                .Set("receivedAt", receivedAt)
                .Set("readAt", readAt)
                .Set("channel", channel)
                .Set("informedBy", informedBy),
            unknown,
            fields));
    }

    /// <summary>Adds a <c>crime</c>: a criminal offense (or alleged offense) with the time it was in progress.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="offense">The offense in words, such as aggravated battery.</param>
    /// <param name="statute">The statute, if known.</param>
    /// <param name="isCriminal">Yes for a crime; no for a civil violation (unlawful presence alone is civil, not a crime).</param>
    /// <param name="statusOffense">Yes for a status-type continuing offense, such as being found in the U.S. after removal; such offenses are not a crime in progress.</param>
    /// <param name="startedAt">When the criminal conduct began.</param>
    /// <param name="endedAt">When it ended; absent while it is still going on.</param>
    /// <param name="connectedTo">The id of an <c>operation</c>: the federal operation it is connected to (its target, place or subject matter), if any.</param>
    /// <param name="action">The id of an <c>action</c>: the local act it is connected to (for example the act taken to stop it), if any.</param>
    /// <param name="suspect">The id of a <c>person</c>: the person suspected of it, if known.</param>
    /// <param name="location">Where it took place.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Crime(
        this ScenarioBuilder builder,
        string id,
        string? offense = null,
        string? statute = null,
        bool? isCriminal = null,
        bool? statusOffense = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? endedAt = null,
        string? connectedTo = null,
        string? action = null,
        string? suspect = null,
        string? location = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("crime", id, f => Complete(
            f
                .Set("offense", offense)
                .Set("statute", statute)
                .Set("isCriminal", isCriminal)
                .Set("statusOffense", statusOffense)
                .Set("startedAt", startedAt)
                .Set("endedAt", endedAt)
                .Set("connectedTo", connectedTo)
                .Set("action", action)
                .Set("suspect", suspect)
                .Set("location", location),
            unknown,
            fields));
    }

    /// <summary>Adds a <c>threat</c>: a threat to public safety as assessed at a scene.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="description">What the threat was.</param>
    /// <param name="specificity">specific: a danger to identifiable people or places at that scene and time; general: a risk stated in general terms or by labels (dangerous, gang member, criminal record). One of: <c>specific</c>, <c>general</c>.</param>
    /// <param name="articulableFacts">Whether it rests on facts an officer can state (a weapon shown, a threat made), not on a label or a record alone.</param>
    /// <param name="imminent">Whether the danger was about to happen (yes) rather than already present (no); both count as present-or-imminent.</param>
    /// <param name="startedAt">When the threat arose.</param>
    /// <param name="endedAt">When it ended; absent while it lasts.</param>
    /// <param name="operation">The id of an <c>operation</c>: the federal operation at whose scene it arose, if any.</param>
    /// <param name="action">The id of an <c>action</c>: the local act it bears on, if any.</param>
    /// <param name="assessedBy">The id of an <c>official</c>: the official who assessed it.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Threat(
        this ScenarioBuilder builder,
        string id,
        string? description = null,
        string? specificity = null,
        bool? articulableFacts = null,
        bool? imminent = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? endedAt = null,
        string? operation = null,
        string? action = null,
        string? assessedBy = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("threat", id, f => Complete(
            f
                .Set("description", description)
                .Set("specificity", specificity)
                .Set("articulableFacts", articulableFacts)
                .Set("imminent", imminent)
                .Set("startedAt", startedAt)
                .Set("endedAt", endedAt)
                .Set("operation", operation)
                .Set("action", action)
                .Set("assessedBy", assessedBy),
            unknown,
            fields));
    }

    /// <summary>Adds a <c>notice</c>: a notice or alert issued by an agency, such as a public alert about federal immigration activity.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="issuer">The id of an <c>agency</c>: the agency that issued it.</param>
    /// <param name="issuedAt">When it was issued (published or sent).</param>
    /// <param name="channel">How it was issued. One of: <c>city-website</c>, <c>social-media</c>, <c>press-release</c>, <c>alert-system</c>, <c>phone-to-individual</c>, <c>letter-to-individual</c>, <c>internal-email</c>, <c>other</c>.</param>
    /// <param name="audience">Whom it went to: the public or residents generally, particular persons, or staff only. One of: <c>public</c>, <c>targeted-individuals</c>, <c>internal</c>.</param>
    /// <param name="operation">The id of an <c>operation</c>: the operation it is about.</param>
    /// <param name="text">The notice's words, or a summary.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Notice(
        this ScenarioBuilder builder,
        string id,
        string? issuer = null,
        DateTimeOffset? issuedAt = null,
        string? channel = null,
        string? audience = null,
        string? operation = null,
        string? text = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("notice", id, f => Complete(
            f
                .Set("issuer", issuer)
                .Set("issuedAt", issuedAt)
                .Set("channel", channel)
                .Set("audience", audience)
                .Set("operation", operation)
                .Set("text", text),
            unknown,
            fields));
    }

    /// <summary>Adds a <c>serviceDecision</c>: a decision on a person's application for, or access to, a service, benefit, program or opportunity.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="department">The id of an <c>agency</c>: the body that decided.</param>
    /// <param name="decidedBy">The id of an <c>official</c>: the official who decided.</param>
    /// <param name="applicant">The id of a <c>person</c>: the person the decision is about.</param>
    /// <param name="service">The service, such as a rental-assistance grant or a park-shelter permit.</param>
    /// <param name="decidedAt">When the decision was made.</param>
    /// <param name="outcome">The decision; conditioned means granted on terms others do not face. One of: <c>granted</c>, <c>denied</c>, <c>conditioned</c>.</param>
    /// <param name="basedOnImmigrationStatus">Whether the decision turned on the person's actual or perceived immigration or citizenship status.</param>
    /// <param name="requiredByLaw">Whether federal or state law required the status-based distinction.</param>
    /// <param name="legalBasis">The law relied on for a required distinction, if any.</param>
    /// <param name="privateActor">Yes when the decision-maker is a private party (a landlord, an employer, a shop), not government.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder ServiceDecision(
        this ScenarioBuilder builder,
        string id,
        string? department = null,
        string? decidedBy = null,
        string? applicant = null,
        string? service = null,
        DateTimeOffset? decidedAt = null,
        string? outcome = null,
        bool? basedOnImmigrationStatus = null,
        bool? requiredByLaw = null,
        string? legalBasis = null,
        bool? privateActor = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("serviceDecision", id, f => Complete(
            f
                .Set("department", department)
                .Set("decidedBy", decidedBy)
                .Set("applicant", applicant)
                .Set("service", service)
                .Set("decidedAt", decidedAt)
                .Set("outcome", outcome)
                .Set("basedOnImmigrationStatus", basedOnImmigrationStatus)
                .Set("requiredByLaw", requiredByLaw)
                .Set("legalBasis", legalBasis)
                .Set("privateActor", privateActor),
            unknown,
            fields));
    }

    /// <summary>Adds an <c>idPresentation</c>: a person showing an identity document to an official.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="person">The id of a <c>person</c>: the person showing it.</param>
    /// <param name="presentedTo">The id of an <c>official</c>: the official it was shown to.</param>
    /// <param name="agency">The id of an <c>agency</c>: the agency the official acted for.</param>
    /// <param name="at">When it was shown.</param>
    /// <param name="idKind">The kind of document. One of: <c>state-drivers-license</c>, <c>state-id</c>, <c>us-passport</c>, <c>foreign-passport</c>, <c>consular-id</c>, <c>foreign-drivers-license</c>, <c>municipal-id</c>, <c>school-id</c>, <c>employer-id</c>, <c>other</c>.</param>
    /// <param name="hasPhoto">Whether it bears a photograph of the holder.</param>
    /// <param name="showsName">Whether it shows the holder's name.</param>
    /// <param name="valid">Whether it is genuine and unexpired.</param>
    /// <param name="accepted">Whether the official accepted it as proof of identity.</param>
    /// <param name="purpose">What identification was needed for, such as a utility account or a police report.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder IdPresentation(
        this ScenarioBuilder builder,
        string id,
        string? person = null,
        string? presentedTo = null,
        string? agency = null,
        DateTimeOffset? at = null,
        string? idKind = null,
        bool? hasPhoto = null,
        bool? showsName = null,
        bool? valid = null,
        bool? accepted = null,
        string? purpose = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("idPresentation", id, f => Complete(
            f
                .Set("person", person)
                .Set("presentedTo", presentedTo)
                .Set("agency", agency)
                .Set("at", at)
                .Set("idKind", idKind)
                .Set("hasPhoto", hasPhoto)
                .Set("showsName", showsName)
                .Set("valid", valid)
                .Set("accepted", accepted)
                .Set("purpose", purpose),
            unknown,
            fields));
    }

    /// <summary>Adds an <c>inquiry</c>: a question an official asks a person about the person's background, such as immigration status or citizenship.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="id">The fact's id, unique in the scenario; other facts refer to it by this id.</param>
    /// <param name="by">The id of an <c>official</c>: the official who asked.</param>
    /// <param name="agency">The id of an <c>agency</c>: the agency the official acted for.</param>
    /// <param name="subject">The id of a <c>person</c>: the person asked.</param>
    /// <param name="at">When the question was asked.</param>
    /// <param name="topic">What was asked about; identity is name, date of birth and address. One of: <c>immigration-status</c>, <c>citizenship</c>, <c>place-of-birth</c>, <c>identity</c>, <c>other</c>.</param>
    /// <param name="requiredByLaw">Whether federal or state law required the question.</param>
    /// <param name="legalBasis">The law that required it, if any.</param>
    /// <param name="context">Where and why it was asked, such as a booking interview.</param>
    /// <param name="unknown">Fields whose value is stated as not known, by name.</param>
    /// <param name="fields">Sets further fields, such as those an ordinance adds to the type.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A field is given a value and is also listed as unknown.</exception>
    public static ScenarioBuilder Inquiry(
        this ScenarioBuilder builder,
        string id,
        string? by = null,
        string? agency = null,
        string? subject = null,
        DateTimeOffset? at = null,
        string? topic = null,
        bool? requiredByLaw = null,
        string? legalBasis = null,
        string? context = null,
        IEnumerable<string>? unknown = null,
        Action<FactBuilder>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Fact("inquiry", id, f => Complete(
            f
                .Set("by", by)
                .Set("agency", agency)
                .Set("subject", subject)
                .Set("at", at)
                .Set("topic", topic)
                .Set("requiredByLaw", requiredByLaw)
                .Set("legalBasis", legalBasis)
                .Set("context", context),
            unknown,
            fields));
    }

    private static void Complete(FactBuilder fact, IEnumerable<string>? unknown, Action<FactBuilder>? fields)
    {
        var given = fact.Entries.Where(e => e.Value is not null).Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var field in unknown ?? [])
        {
            if (given.Contains(field))
            {
                throw new ArgumentException($"fact '{fact.Id}': '{field}' is given a value and is also listed as unknown", nameof(unknown));
            }

            fact.Unknown(field);
        }

        fields?.Invoke(fact);
    }
}
