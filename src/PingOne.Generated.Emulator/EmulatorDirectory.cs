namespace PingOne.Generated.Emulator;

/// <summary>
/// The environment's users, in one order that never changes: the seeded users, the generated ones (computed from their index when
/// read), then the users created through the API in the order they were created. A position in that order is what the user list's
/// <c>cursor</c> carries, so paging costs the page, not the directory. Look-ups by username and email go through indexes built the
/// first time they are needed; every other filter is a scan from the cursor.
/// </summary>
internal sealed class EmulatorDirectory
{
    private readonly int _generated;
    private readonly object _lock = new();
    private readonly List<PingOneUser> _created = new();
    private readonly Dictionary<string, int> _createdById = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, int>? _byUsername;
    private Dictionary<string, List<int>>? _byEmail;

    public EmulatorDirectory(int generatedUsers)
    {
        _generated = generatedUsers;
    }

    private static int SeededCount => EmulatorSeed.UserIds.Count;

    /// <summary>How many users there are now.</summary>
    public int Count
    {
        get { lock (_lock) return SeededCount + _generated + _created.Count; }
    }

    /// <summary>The user at a position (0 to <see cref="Count"/> - 1): a new object for seeded and generated users, the stored one for created users.</summary>
    public PingOneUser At(int position)
    {
        if (position < SeededCount) return GeneratedUsers.Seeded()[position];
        if (position < SeededCount + _generated) return GeneratedUsers.Profile(position - SeededCount);
        lock (_lock) return _created[position - SeededCount - _generated];
    }

    /// <summary>The position of the user with this id, or -1.</summary>
    public int PositionOf(string id)
    {
        for (var i = 0; i < SeededCount; i++)
            if (string.Equals(EmulatorSeed.UserIds[i], id, StringComparison.OrdinalIgnoreCase)) return i;
        // Generated ids are 00000000-0000-4000-8000-{index:D12}.
        const string prefix = "00000000-0000-4000-8000-";
        if (id.Length == 36 && id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && long.TryParse(id.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < _generated)
            return SeededCount + (int)index;
        lock (_lock) return _createdById.TryGetValue(id, out var position) ? position : -1;
    }

    /// <summary>Adds a new user at the end, unless its username is taken (then <see langword="false"/>).</summary>
    public bool TryAdd(PingOneUser user)
    {
        lock (_lock)
        {
            var byUsername = UsernameIndex();
            if (byUsername.ContainsKey(user.Username!)) return false;
            var position = SeededCount + _generated + _created.Count;
            _created.Add(user);
            _createdById[user.Id!] = position;
            byUsername[user.Username!] = position;
            if (_byEmail is not null && user.Email is { } email) Add(_byEmail, email, position);
            return true;
        }
    }

    /// <summary>The positions, in order, of the users whose username or email equals one of the values (no case).</summary>
    public IReadOnlyList<int> Equal(IEnumerable<(string Attribute, string Value)> comparisons)
    {
        var found = new SortedSet<int>();
        lock (_lock)
        {
            foreach (var (attribute, value) in comparisons)
            {
                if (attribute == "username")
                {
                    if (UsernameIndex().TryGetValue(value, out var position)) found.Add(position);
                }
                else if (EmailIndex().TryGetValue(value, out var positions))
                {
                    found.UnionWith(positions);
                }
            }
        }
        return found.ToList();
    }

    // Built once, under the lock, from every user there is; kept up to date by TryAdd.
    private Dictionary<string, int> UsernameIndex()
    {
        if (_byUsername is not null) return _byUsername;
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var count = SeededCount + _generated + _created.Count;
        for (var i = 0; i < count; i++) index[UsernameAt(i)] = i;
        return _byUsername = index;
    }

    private Dictionary<string, List<int>> EmailIndex()
    {
        if (_byEmail is not null) return _byEmail;
        var index = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var count = SeededCount + _generated + _created.Count;
        for (var i = 0; i < count; i++)
            if (EmailAt(i) is { } email) Add(index, email, i);
        return _byEmail = index;
    }

    // Without building whole profiles: the index of 100,000 generated users is built from their names alone.
    private string UsernameAt(int position) =>
        position >= SeededCount && position < SeededCount + _generated ? GeneratedUsers.Username(position - SeededCount) : AtLocked(position).Username!;

    private string? EmailAt(int position) =>
        position >= SeededCount && position < SeededCount + _generated ? GeneratedUsers.Email(position - SeededCount) : AtLocked(position).Email;

    private PingOneUser AtLocked(int position) =>
        position < SeededCount ? GeneratedUsers.Seeded()[position] : _created[position - SeededCount - _generated];

    private static void Add(Dictionary<string, List<int>> index, string key, int position)
    {
        if (!index.TryGetValue(key, out var positions)) index[key] = positions = new List<int>(1);
        positions.Add(position);
    }
}
