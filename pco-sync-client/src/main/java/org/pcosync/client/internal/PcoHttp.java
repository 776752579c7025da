package org.pcosync.client.internal;

import java.util.Map;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.FieldMap;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Multipart;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Part;
import retrofit2.http.Url;

/**
 * The Retrofit declaration of PCO's HTTP surface. URLs are absolute (built from the configured base
 * URL) so one interface serves the API host and the upload host; null headers are omitted.
 */
interface PcoHttp {
  String VERSION = "X-PCO-API-Version";
  String AUTHORIZATION = "Authorization";

  @GET
  Call<ResponseBody> get(
      @Url String url,
      @Header(VERSION) @Nullable String version,
      @Header(AUTHORIZATION) @Nullable String authorization);

  @POST
  Call<ResponseBody> post(
      @Url String url,
      @Header(VERSION) @Nullable String version,
      @Header(AUTHORIZATION) @Nullable String authorization,
      @Body RequestBody body);

  @PATCH
  Call<ResponseBody> patch(
      @Url String url,
      @Header(VERSION) @Nullable String version,
      @Header(AUTHORIZATION) @Nullable String authorization,
      @Body RequestBody body);

  @DELETE
  Call<ResponseBody> delete(
      @Url String url,
      @Header(VERSION) @Nullable String version,
      @Header(AUTHORIZATION) @Nullable String authorization);

  @Multipart
  @POST
  Call<ResponseBody> upload(
      @Url String url,
      @Header(AUTHORIZATION) @Nullable String authorization,
      @Part MultipartBody.Part file);

  @FormUrlEncoded
  @POST
  Call<ResponseBody> form(@Url String url, @FieldMap Map<String, String> fields);
}
