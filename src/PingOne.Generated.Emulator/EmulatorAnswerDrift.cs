namespace PingOne.Generated.Emulator;

/// <summary>How the emulator's answers drift from the spec (<see cref="EmulatorOptions.AnswerDrift"/>): one property added, one dropped.</summary>
public sealed class EmulatorAnswerDrift
{
    /// <summary>A property the spec does not declare, added to every answer object (and every listed device). Defaults to <c>riskScore</c>.</summary>
    public string AddedProperty { get; set; } = "riskScore";

    /// <summary>The value the added property carries. Defaults to <c>42</c>.</summary>
    public int AddedValue { get; set; } = 42;

    /// <summary>
    /// A property removed from every answer object that has it (and every listed device). Defaults to <c>updatedAt</c>, which the spec
    /// declares but does not require; name a required one (e.g. <c>id</c>) to see a missing required property.
    /// </summary>
    public string DroppedProperty { get; set; } = "updatedAt";
}
