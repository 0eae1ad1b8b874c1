namespace AtsParser.Api.Storage;

/// <summary>
/// Turns text into a vector. Model names the vector space: vectors of different models are never compared.
/// Storage owns the contract (a stored resume is written with its vector); the embedders live in Search.
/// </summary>
public interface IEmbedder
{
    string Model { get; }
    Task<float[]> EmbedAsync(string text, CancellationToken ct);
}

public static class EmbeddingSpace
{
    /// <summary>Width of the resume_embeddings.embedding column (migration 0001).</summary>
    public const int Dimensions = 1536;

    /// <summary>Zero-pads a narrower vector to the column width; cosine distance is unchanged by the padding.</summary>
    public static float[] Fit(float[] v, string model)
    {
        if (v.Length == Dimensions) return v;
        if (v.Length > Dimensions)
            throw new InvalidOperationException($"Embedding model '{model}' returned {v.Length} dimensions; the column holds {Dimensions}. Use a model with at most {Dimensions} dimensions (text-embedding-3-* are asked for {Dimensions}).");
        var padded = new float[Dimensions];
        v.CopyTo(padded, 0);
        return padded;
    }
}
