#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices
{
    // Lets netstandard2.0 compile init-only setters; newer frameworks ship this type.
    internal static class IsExternalInit
    {
    }
}
#endif
